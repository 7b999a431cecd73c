package org.advocacy.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency for clients: a campaign's ETag is the sequence of its newest event, and a
 * claim or completion sent with If-Match of an older one is refused (412, problem+json) with
 * nothing written; a current tag, or none, lets the step through.
 */
@AppTest
class OptimisticConcurrencyIT extends ApiTest {

    @Test
    void a_step_sent_with_the_tag_of_a_state_that_has_moved_on_is_refused_with_nothing_written() {
        String campaign = campaigns.launchFollowUp("If-Match", HttpCampaigns.PUBLISHED_ON);
        String path = "/api/campaigns/" + campaign;
        String read = api.header("coordinator", path, "ETag").orElseThrow();
        assertThat(read).isEqualTo("\"" + campaigns.campaign(campaign).get("lastSequence").asLong() + "\"");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");

        Answer claimed = api.post("coordinator", path + "/tasks/" + task + "/claim", Map.of(), "If-Match", read);
        assertThat(claimed.status()).isEqualTo(204);
        Look afterClaim = campaigns.look(campaign);

        Answer stale = api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC, "If-Match", read);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.detail()).contains("has moved on", "\"" + afterClaim.lastSequence() + "\"");
        assertThat(campaigns.look(campaign)).isEqualTo(afterClaim);

        String current = api.header("coordinator", path, "ETag").orElseThrow();
        assertThat(current).isEqualTo("\"" + afterClaim.lastSequence() + "\"");
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC, "If-Match",
                "\"999\", " + current).status()).isEqualTo(204);
        assertThat(campaigns.look(campaign).lastSequence()).isGreaterThan(afterClaim.lastSequence());
    }
}
