package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.Superuser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The record that managers rely on: append-only, hash-chained, filterable, and readable at any past point. */
@AppTest
class AuditIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;

    ApiClient api;
    String campaignId;

    @BeforeEach
    void campaignWithAVote() {
        api = new ApiClient(port);
        Answer launched = api.post("coordinator", "/api/campaigns", Map.of("template", "coi-follow-up",
                "title", "Audit test", "reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17"));
        campaignId = launched.body().get("id").asText();
        complete("draft-hrc-resolution", Map.of("leadSponsors", List.of("Japan", "European Union"),
                "endorsesFindings", true, "requestsTransmissionToGeneralAssembly", true, "createsFieldStructure", true));
        complete("record-hrc-vote", Map.of("date", "2014-03-28", "inFavour", 30, "against", 6, "abstaining", 11));
    }

    @Test
    void the_database_refuses_to_change_or_remove_an_event() {
        String update = "UPDATE domain_event_entry SET payload = '\\x7b7d' WHERE aggregate_identifier = ?";
        String delete = "DELETE FROM domain_event_entry WHERE aggregate_identifier = ?";
        // the app's role holds no such privilege; even a superuser meets the append-only triggers
        assertThatThrownBy(() -> jdbc.update(update, campaignId)).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update(delete, campaignId)).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Superuser.jdbc(postgres).update(update, campaignId)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> Superuser.jdbc(postgres).update(delete, campaignId)).rootCause().hasMessageContaining("append-only");
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "/verify").body().get("valid").asBoolean()).isTrue();
    }

    @Test
    void verification_names_the_first_event_whose_payload_was_tampered_with() {
        JsonNode before = api.get("manager", "/api/campaigns/" + campaignId + "/verify").body();
        assertThat(before.get("valid").asBoolean()).isTrue();
        long vote = jdbc.queryForObject("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%VoteRecorded'", Long.class, campaignId);

        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, campaignId, vote);
        asSuperuser("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"inFavour\":30', '\"inFavour\":3'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = ?",
                campaignId, vote);
        try {
            JsonNode after = api.get("manager", "/api/campaigns/" + campaignId + "/verify").body();
            assertThat(after.get("valid").asBoolean()).isFalse();
            assertThat(after.get("firstBrokenSequence").asLong()).isEqualTo(vote);
            assertThat(after.get("events").asLong()).isEqualTo(before.get("events").asLong());
        } finally {
            asSuperuser("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    original, campaignId, vote);
        }
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "/verify").body().get("valid").asBoolean()).isTrue();
    }

    /** Changes the store as a superuser who switches the append-only trigger off for it. */
    private void asSuperuser(String change, Object... arguments) {
        JdbcTemplate superuser = Superuser.jdbc(postgres);
        superuser.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        try {
            superuser.update(change, arguments);
        } finally {
            superuser.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        }
    }

    @Test
    void history_filters_by_type_actor_forum_and_time() {
        JsonNode votes = api.get("manager", "/api/campaigns/" + campaignId + "/history?type=VoteRecorded").body();
        assertThat(votes).hasSize(1);
        assertThat(votes.get(0).get("payload").get("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(votes.get(0).get("actor").asText()).isEqualTo("coordinator");

        JsonNode hrc = api.get("manager", "/api/campaigns/" + campaignId + "/history?forum=hrc-resolution").body();
        assertThat(hrc.findValuesAsText("type")).containsOnly("TaskOpened", "StepCompleted");
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "/history?actor=nobody").body()).isEmpty();
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "/history?to=2000-01-01T00:00:00Z").body()).isEmpty();
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "/history?from=not-a-time").status()).isEqualTo(400);

        Answer page = api.get("manager", "/api/campaigns/" + campaignId + "/history?page=1&size=2");
        assertThat(page.body().findValuesAsText("sequence")).containsExactly("2", "3");
    }

    @Test
    void pages_of_the_history_put_together_are_the_whole_history_filtered_or_not() {
        String history = "/api/campaigns/" + campaignId + "/history";
        List<String> whole = api.get("manager", history + "?size=1000").body().findValuesAsText("hash");
        List<String> paged = new java.util.ArrayList<>();
        for (int number = 0; number * 3 < whole.size() + 3; number++) {
            paged.addAll(api.get("manager", history + "?size=3&page=" + number).body().findValuesAsText("hash"));
        }
        assertThat(paged).isEqualTo(whole);

        List<String> opened = api.get("manager", history + "?type=TaskOpened&size=1000").body().findValuesAsText("hash");
        assertThat(api.get("manager", history + "?type=TaskOpened&size=1&page=1").body().findValuesAsText("hash"))
                .containsExactly(opened.get(1));
    }

    @Test
    void the_history_exports_as_csv_and_json_lines_in_a_stable_order() {
        String csv = api.text("manager", "/api/campaigns/" + campaignId + "/history/export?format=csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "campaignId,sequence,type,occurredAt,actor,forum,correlationId,processInstanceId,taskId,hash,payload");
        long events = api.get("manager", "/api/campaigns/" + campaignId + "/verify").body().get("events").asLong();
        assertThat(lines).hasSize((int) events + 1);
        assertThat(lines[1]).startsWith(campaignId + ",0,CampaignLaunched,");

        String jsonl = api.text("manager", "/api/campaigns/" + campaignId + "/history/export?format=jsonl");
        assertThat(jsonl.split("\n")).hasSize((int) events);
        assertThat(jsonl.split("\n")[0]).startsWith("{\"campaignId\":\"" + campaignId + "\",\"sequence\":0,\"type\":\"CampaignLaunched\"");
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "/history/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    void the_activity_feed_shows_the_newest_events_first_to_managers_only() {
        JsonNode feed = api.get("manager", "/api/history?size=5").body();
        assertThat(feed).isNotEmpty();
        Instant newest = Instant.parse(feed.get(0).get("occurredAt").asText());
        for (JsonNode entry : feed) {
            assertThat(Instant.parse(entry.get("occurredAt").asText())).isBeforeOrEqualTo(newest);
        }
        assertThat(api.get("coordinator", "/api/history").status()).isEqualTo(403);
    }

    @Test
    void the_campaign_as_it_stood_at_a_past_event_or_instant_comes_from_the_events() {
        JsonNode now = api.get("manager", "/api/campaigns/" + campaignId).body();
        JsonNode launchedOnly = api.get("manager", "/api/campaigns/" + campaignId + "?asOf=0").body();
        assertThat(launchedOnly.get("activeTasks")).isEmpty();
        assertThat(launchedOnly.get("outcomes")).isEmpty();
        JsonNode beforeVote = api.get("manager", "/api/campaigns/" + campaignId + "?asOf=1").body();
        assertThat(beforeVote.get("activeTasks").findValuesAsText("key")).containsExactly("draft-hrc-resolution");

        JsonNode atLaunch = api.get("manager", "/api/campaigns/" + campaignId + "?asOfTime="
                + launchedOnly.get("launchedAt").asText()).body();
        assertThat(atLaunch.get("lastSequence").asLong()).isZero();
        JsonNode atLast = api.get("manager", "/api/campaigns/" + campaignId + "?asOf=" + now.get("lastSequence").asLong()).body();
        assertThat(atLast.get("outcomes")).isEqualTo(now.get("outcomes"));
        assertThat(atLast.get("activeTasks").findValuesAsText("id")).isEqualTo(now.get("activeTasks").findValuesAsText("id"));
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "?asOf=9999").status()).isEqualTo(400);
        assertThat(api.get("manager", "/api/campaigns/" + campaignId + "?asOfTime=2000-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    private void complete(String key, Map<String, Object> fields) {
        JsonNode tasks = api.get("coordinator", "/api/campaigns/" + campaignId + "/tasks").body();
        for (JsonNode task : tasks) {
            if (task.get("key").asText().equals(key)) {
                Answer done = api.post("coordinator", "/api/tasks/" + task.get("id").asText() + "/complete", fields);
                assertThat(done.status()).as("%s: %s", key, done.body()).isEqualTo(204);
                return;
            }
        }
        throw new AssertionError(key + " is not active");
    }
}
