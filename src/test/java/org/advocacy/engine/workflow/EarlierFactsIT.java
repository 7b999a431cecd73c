package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;

/**
 * A gateway decides on facts recorded by an earlier task, not by the task just completed
 * (test template processes/extra/earlier-facts.bpmn): by the field's id, and by
 * {@code facts['task-key.field-id']}, read from the campaign's record.
 */
@AppTest
class EarlierFactsIT extends ApiTest {

    @Test
    void a_gateway_after_the_summary_decides_on_the_meeting_recorded_before_it() {
        String held = meeting(true, List.of("France", "Japan", "Chile"));
        String small = meeting(true, List.of("France"));
        String notHeld = meeting(false, List.of("France", "Japan", "Chile"));

        assertThat(campaigns.look(held).activeTasks()).singleElement().asString().endsWith("plan-follow-up null");
        assertThat(campaigns.campaign(small).path("status").asText()).isEqualTo("CLOSED");
        assertThat(campaigns.campaign(notHeld).path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void an_expression_that_fails_at_run_time_is_answered_422_naming_the_task_and_nothing_is_written() {
        String withoutVenue = meeting(true, List.of("France", "Japan", "Chile"));
        String task = campaigns.awaitTask(withoutVenue, "plan-follow-up");
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
        HttpCampaigns.Look before = campaigns.look(withoutVenue);

        ApiClient.Answer failed = api.post("coordinator", "/api/tasks/" + task + "/complete", Map.of("plan", "Brief the EU"));

        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.detail()).contains("after task plan-follow-up, at element flow-venue-gateway-to-meeting-closed",
                        "venue", "nothing was recorded")
                .doesNotContain("at org.");
        assertThat(campaigns.look(withoutVenue)).isEqualTo(before);

        String inGeneva = meeting(true, List.of("France", "Japan", "Chile"), "Geneva");
        campaigns.step(inGeneva, "plan-follow-up", Map.of("plan", "Brief the EU"));
        assertThat(campaigns.campaign(inGeneva).path("status").asText()).isEqualTo("CLOSED");
    }

    private String meeting(boolean held, List<String> states) {
        return meeting(held, states, null);
    }

    private String meeting(boolean held, List<String> states, String venue) {
        String campaign = campaigns.launch(Map.of("template", "earlier-facts", "title", "Meeting " + held + " " + states));
        Map<String, Object> meeting = new java.util.LinkedHashMap<>(Map.of("held", held, "statesAttending", states));
        if (venue != null) {
            meeting.put("venue", venue);
        }
        campaigns.step(campaign, "record-meeting", meeting);
        campaigns.step(campaign, "write-summary", Map.of("summary", "What was said"));
        return campaign;
    }
}
