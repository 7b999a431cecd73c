package org.advocacy.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.Superuser;
import org.advocacy.engine.support.ScenarioDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Rebuilding the projections from the event store gives the API the very same answers. */
@AppTest
class ReplayIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void a_rebuild_replays_every_event_and_the_api_answers_byte_for_byte_as_before() {
        ScenarioDriver driver = new ScenarioDriver(api);
        ScenarioDriver.all().forEach(scenario -> driver.drive(scenario.content()));
        var open = new org.advocacy.engine.support.HttpCampaigns(api);
        String underWay = open.launchFollowUp("Under way during the rebuild", "2014-02-17");
        String vote = open.atHrcVote(underWay);
        api.post("coordinator", "/api/tasks/" + vote + "/claim", null);
        Map<String, String> before = ReadModelAnswers.of(api);
        String openTasksBefore = openTasks();
        assertThat(openTasksBefore).contains(vote).contains("coordinator");

        Answer started = api.post("admin", "/api/admin/projections/rebuild", Map.of());
        assertThat(started.status()).isEqualTo(202);
        JsonNode done = ReadModelAnswers.awaitRebuild(api);

        assertThat(done.get("status").asText()).isEqualTo("DONE");
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(done.get("processed").asLong()).isEqualTo(events);
        assertThat(done.get("total").asLong()).isEqualTo(events);
        ReadModelAnswers.assertSame(before, ReadModelAnswers.of(api));
        assertThat(openTasks()).isEqualTo(openTasksBefore);
    }

    /** The inbox's read model, row by row. */
    private String openTasks() {
        return jdbc.queryForList("SELECT * FROM open_task ORDER BY task_id").toString();
    }

    @Test
    void only_admins_rebuild_projections() {
        assertThat(api.post("manager", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("coordinator", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("manager", "/api/admin/projections/rebuild").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/admin/projections/rebuild").status()).isEqualTo(200);
    }

    @Test
    void an_event_that_cannot_be_read_stops_the_rebuild_with_the_reason_and_leaves_the_read_models_alone() {
        new ScenarioDriver(api).drive(ScenarioDriver.named("dprk-2014.json").content());
        Map<String, String> before = ReadModelAnswers.of(api);
        long index = jdbc.queryForObject("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload, meta_data)
                VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Campaign', '2026-01-01T00:00:00Z',
                        'org.advocacy.engine.campaign.CampaignEvent$NoSuchEvent', '\\x7b7d', '\\x7b7d')
                RETURNING global_index
                """, Long.class);
        try {
            assertThat(api.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            JsonNode failed = ReadModelAnswers.awaitRebuild(api);

            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).contains("event " + index).contains("NoSuchEvent");
            ReadModelAnswers.assertSame(before, ReadModelAnswers.of(api));
        } finally {
            removeInjectedEvent(index);
        }
    }

    /** Takes the injected row out again (as a superuser would), so that later rebuilds in this database succeed. */
    private void removeInjectedEvent(long index) {
        Superuser.withTriggersOff(postgres, "DELETE FROM domain_event_entry WHERE global_index = " + index);
    }

    /** What the API answers from the read models: the campaign list, and each campaign, its tasks and its history. */
    static final class ReadModelAnswers {
        static Map<String, String> of(ApiClient api) {
            Map<String, String> answers = new LinkedHashMap<>();
            String list = api.text("manager", "/api/campaigns?size=500");
            answers.put("list", list);
            for (JsonNode campaign : api.get("manager", "/api/campaigns?size=500").body()) {
                String id = campaign.get("id").asText();
                answers.put(id, api.text("manager", "/api/campaigns/" + id));
                answers.put(id + "/tasks", api.text("manager", "/api/campaigns/" + id + "/tasks"));
                answers.put(id + "/history", api.text("manager", "/api/campaigns/" + id + "/history?size=1000"));
            }
            return answers;
        }

        /** Equal answers, or the first answer that differs, around the first character that differs. */
        static void assertSame(Map<String, String> expected, Map<String, String> actual) {
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((key, answer) -> {
                String other = actual.get(key);
                int at = 0;
                while (at < Math.min(answer.length(), other.length()) && answer.charAt(at) == other.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 80);
                assertThat(other).as("%s differs at %d: expected ...%s... but was ...%s...", key, at,
                        answer.substring(from, Math.min(answer.length(), at + 80)),
                        other.substring(from, Math.min(other.length(), at + 80))).isEqualTo(answer);
            });
        }

        static JsonNode awaitRebuild(ApiClient api) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                JsonNode status = api.get("admin", "/api/admin/projections/rebuild").body();
                if (!List.of("RUNNING", "IDLE").contains(status.get("status").asText())) {
                    return status;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
            throw new AssertionError("the rebuild did not end within a minute");
        }
    }
}
