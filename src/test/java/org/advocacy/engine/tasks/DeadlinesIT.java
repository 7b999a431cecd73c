package org.advocacy.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Due dates from the template (test template processes/extra/deadlines.bpmn): one follows from a
 * fact recorded at the start (14 days before the meeting), one is a duration from the task's
 * opening. A reminder is recorded once before a due date, a task past it is recorded overdue
 * once, shown in the API, the inbox, the timeline and on the diagram; a suspended campaign waits.
 */
@AppTest
class DeadlinesIT extends ApiTest {

    @Autowired
    Deadlines deadlines;

    @Test
    void a_due_date_follows_from_a_recorded_fact_and_another_from_the_tasks_opening() {
        LocalDate meeting = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        String campaign = launch(meeting);
        JsonNode briefing = task(campaign, "prepare-briefing");
        assertThat(Instant.parse(briefing.path("due").asText()))
                .isEqualTo(meeting.minusDays(14).atTime(23, 59, 59).toInstant(ZoneOffset.UTC));

        Instant completed = Instant.now();
        campaigns.step(campaign, "prepare-briefing", Map.of("briefing", "The commission's findings"));
        Instant noteDue = Instant.parse(task(campaign, "send-note").path("due").asText());
        assertThat(noteDue).isBetween(completed.plus(Duration.ofDays(3)).minusSeconds(5),
                Instant.now().plus(Duration.ofDays(3)).plusSeconds(5));
    }

    @Test
    void a_reminder_and_an_overdue_task_are_each_recorded_once_and_shown_where_people_look() {
        LocalDate meeting = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        String campaign = launch(meeting);
        Instant due = Instant.parse(task(campaign, "prepare-briefing").path("due").asText());

        deadlines.check(due.minus(Duration.ofDays(3)));
        assertThat(types(campaign)).doesNotContain("TaskDueSoon", "TaskOverdue");
        deadlines.check(due.minus(Duration.ofDays(1)));
        deadlines.check(due.minus(Duration.ofHours(2)));
        assertThat(types(campaign)).containsOnlyOnce("TaskDueSoon").doesNotContain("TaskOverdue");
        assertThat(task(campaign, "prepare-briefing").path("overdue").asBoolean()).isFalse();

        deadlines.check(due.plusSeconds(1));
        deadlines.check(due.plus(Duration.ofDays(1)));
        assertThat(types(campaign)).containsOnlyOnce("TaskDueSoon").containsOnlyOnce("TaskOverdue");
        assertThat(task(campaign, "prepare-briefing").path("overdue").asBoolean()).isTrue();

        String timeline = PageSession.signedIn(port, "manager").get("/campaigns/" + campaign + "/timeline").body();
        assertThat(timeline).contains("reminder: Prepare the briefing is due by", "Prepare the briefing is overdue");
        String page = PageSession.signedIn(port, "manager").get("/campaigns/" + campaign).body();
        assertThat(page).contains("&quot;escalated&quot;:[&quot;prepare-briefing&quot;]");

        campaigns.step(campaign, "prepare-briefing", Map.of("briefing", "Late, but done"));
        assertThat(task(campaign, "send-note").path("overdue").asBoolean()).isFalse();
    }

    @Test
    void a_suspended_campaigns_deadlines_wait_until_it_resumes() {
        String campaign = launch(LocalDate.of(2014, 12, 22));
        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/suspend", Map.of("reason", "Paused")).status())
                .isEqualTo(204);

        deadlines.check(Instant.now());
        assertThat(types(campaign)).doesNotContain("TaskOverdue");

        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/resume", Map.of()).status()).isEqualTo(204);
        deadlines.check(Instant.now());
        assertThat(types(campaign)).containsOnlyOnce("TaskOverdue").doesNotContain("TaskDueSoon");
    }

    @Test
    void a_due_date_that_cannot_be_computed_at_launch_is_a_422_naming_its_element_and_nothing_is_written() throws Exception {
        String template = org.advocacy.engine.support.TestTemplates.renamed("deadlines.bpmn", "deadlines",
                "deadlines-optional-date").replaceFirst("(?s)(id=\"meetingDate\".*?)<camunda:constraint name=\"required\" />", "$1");
        assertThat(api.postText("admin", "/api/admin/templates?file=deadlines-optional-date.bpmn", "application/xml",
                template).status()).isEqualTo(201);
        String title = "No meeting date " + Instant.now();

        org.advocacy.engine.support.ApiClient.Answer refused = api.post("coordinator", "/api/campaigns",
                Map.of("template", "deadlines-optional-date", "title", title));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).contains("cannot start, at element prepare-briefing", "meetingDate",
                "nothing was recorded");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_view WHERE title = ?", Long.class, title)).isZero();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String launch(LocalDate meeting) {
        return campaigns.launch(Map.of("template", "deadlines", "title", "Meeting of " + meeting + " " + Instant.now(),
                "meetingDate", meeting.toString()));
    }

    private JsonNode task(String campaign, String key) {
        campaigns.awaitTask(campaign, key);
        for (JsonNode task : campaigns.campaign(campaign).path("activeTasks")) {
            if (key.equals(task.path("key").asText())) {
                return task;
            }
        }
        throw new AssertionError("no active task " + key);
    }

    private List<String> types(String campaign) {
        return campaigns.eventTypes(campaign);
    }
}
