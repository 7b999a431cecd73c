package org.advocacy.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.advocacy.engine.platform.IdempotentRequests;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retries are safe: a launch, claim or completion sent again with the same Idempotency-Key gets the
 * first answer, not a second campaign or event; the same key with another body is refused (422)
 * with nothing written; a key whose first request was refused was never used.
 */
@AppTest
class IdempotencyIT extends ApiTest {

    private static final String KEY = IdempotentRequests.HEADER;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_launch_retried_with_its_key_answers_the_first_campaign_and_makes_no_second() {
        String title = "Retried launch " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = followUp(title);

        Answer first = api.post("coordinator", "/api/campaigns", body, KEY, key);
        Answer again = api.post("coordinator", "/api/campaigns", reordered(body), KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
        assertThat(campaignsTitled(title)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_nothing_is_written() {
        String title = "Key reused " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertThat(api.post("coordinator", "/api/campaigns", followUp(title), KEY, key).status()).isEqualTo(201);

        Answer reused = api.post("coordinator", "/api/campaigns", followUp(title + " (another)"), KEY, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.detail()).contains("was used for another request");
        assertThat(campaignsTitled(title + " (another)")).isZero();
    }

    @Test
    void a_claim_and_a_completion_retried_with_their_keys_record_their_events_once() {
        String campaign = campaigns.launchFollowUp("Retried steps", HttpCampaigns.PUBLISHED_ON);
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        String claimKey = UUID.randomUUID().toString();
        String completeKey = UUID.randomUUID().toString();

        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of(), KEY, claimKey).status()).isEqualTo(204);
        Look claimed = campaigns.look(campaign);
        Answer claimAgain = api.post("coordinator", "/api/campaigns/" + campaign + "/tasks/" + task + "/claim", Map.of(),
                KEY, claimKey);
        assertThat(claimAgain.status()).isEqualTo(204);
        assertThat(claimAgain.header("Idempotent-Replayed")).contains("true");
        assertThat(campaigns.look(campaign)).isEqualTo(claimed);

        assertThat(api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC, KEY, completeKey)
                .status()).isEqualTo(204);
        Look completed = campaigns.look(campaign);
        assertThat(completed.activeTasks()).doesNotContain("draft-hrc-resolution");
        Answer completeAgain = api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC,
                KEY, completeKey);
        assertThat(completeAgain.status()).isEqualTo(204);
        assertThat(completeAgain.header("Idempotent-Replayed")).contains("true");
        assertThat(campaigns.look(campaign)).isEqualTo(completed);

        Answer otherFields = api.post("coordinator", "/api/tasks/" + task + "/complete",
                Map.of("coSponsors", List.of("Japan")), KEY, completeKey);
        assertThat(otherFields.status()).isEqualTo(422);
        assertThat(campaigns.look(campaign)).isEqualTo(completed);
    }

    @Test
    void concurrent_retries_of_one_launch_make_one_campaign() throws Exception {
        String title = "Concurrent retries " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = followUp(title);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Answer>> retries = new ArrayList<>();
            for (int attempt = 0; attempt < 4; attempt++) {
                retries.add(() -> api.post("coordinator", "/api/campaigns", body, KEY, key));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Answer> answer : clients.invokeAll(retries)) {
                assertThat(answer.get().status()).isEqualTo(201);
                ids.add(answer.get().body().get("id").asText());
            }
            assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        } finally {
            clients.shutdownNow();
        }
        assertThat(campaignsTitled(title)).isEqualTo(1);
    }

    @Test
    void a_refused_first_attempt_leaves_its_key_unused() {
        String title = "Refused then fixed " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> broken = followUp(title);
        broken.put("publishedOn", "not a date");

        assertThat(api.post("coordinator", "/api/campaigns", broken, KEY, key).status()).isEqualTo(400);
        Answer fixed = api.post("coordinator", "/api/campaigns", followUp(title), KEY, key);

        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.header("Idempotent-Replayed")).isEmpty();
        assertThat(campaignsTitled(title)).isEqualTo(1);
    }

    @Test
    void keys_belong_to_their_user_and_must_be_sane() {
        String key = UUID.randomUUID().toString();
        String title = "One key, two users " + UUID.randomUUID();
        assertThat(api.post("coordinator", "/api/campaigns", followUp(title), KEY, key).status()).isEqualTo(201);
        Answer other = api.post("coordinator2", "/api/campaigns", followUp(title), KEY, key);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isEmpty();
        assertThat(campaignsTitled(title)).isEqualTo(2);

        Answer tooLong = api.post("coordinator", "/api/campaigns", followUp("Too long a key"), KEY, "k".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detail()).contains(KEY);
        Answer spaced = api.post("coordinator", "/api/campaigns", followUp("Spaced key"), KEY, "two words");
        assertThat(spaced.status()).isEqualTo(400);
    }

    private static Map<String, Object> followUp(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "coi-follow-up");
        body.put("title", title);
        body.put("reportSymbol", "A/HRC/25/63");
        body.put("publishedOn", HttpCampaigns.PUBLISHED_ON);
        return body;
    }

    /** The same members in the reverse order: still the same request. */
    private static Map<String, Object> reordered(Map<String, Object> body) {
        List<String> keys = new ArrayList<>(body.keySet());
        java.util.Collections.reverse(keys);
        Map<String, Object> reversed = new LinkedHashMap<>();
        keys.forEach(name -> reversed.put(name, body.get(name)));
        return reversed;
    }

    private long campaignsTitled(String title) {
        Long launched = jdbc.queryForObject("SELECT count(*) FROM campaign_view WHERE title = ?", Long.class, title);
        return launched == null ? 0 : launched;
    }
}
