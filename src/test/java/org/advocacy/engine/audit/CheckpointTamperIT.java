package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.Superuser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The attacks of someone who holds the database (its superuser): rewrite a campaign's events and
 * recompute every later hash with the public function, delete the newest events, delete the
 * checkpoints that would show it, or change a stored anchor. Each is found, with the first
 * sequence concerned. This class has an app (and a database) of its own, since it damages the
 * record; its checkpoints are made only when a test asks.
 */
@AppTest
@TestPropertySource(properties = {"campaigns.checkpoints.every-events=1000000", "campaigns.checkpoints.interval=PT2S",
        "campaigns.checkpoints.check-every=PT1H"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointTamperIT {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Checkpoints checkpoints;

    ApiClient api;
    HttpCampaigns campaigns;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        campaigns = new HttpCampaigns(api);
    }

    @Test
    @Order(1)
    void a_rewritten_chain_with_every_later_hash_recomputed_is_found_at_the_first_event_rewritten() {
        String id = campaigns.launchFollowUp("Rewritten", HttpCampaigns.PUBLISHED_ON);
        long anchored = checkpoint(id);
        campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
        long newest = checkpoint(id);
        assertThat(newest).isGreaterThan(anchored + 1);

        asSuperuser(rewriteFrom(id, anchored + 1));
        JsonNode verified = verify(id);
        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(verified.get("firstBrokenSequence").asLong()).isEqualTo(anchored + 1);
        assertThat(verified.get("findings").findValuesAsText("kind")).containsExactly("REWRITTEN");
        assertThat(verified.get("findings").get(0).get("sequence").asLong()).isEqualTo(anchored + 1);
    }

    @Test
    @Order(2)
    void deleted_newest_events_are_found_from_the_first_one_removed() {
        String id = campaigns.launchFollowUp("Cut short", HttpCampaigns.PUBLISHED_ON);
        campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
        long newest = checkpoint(id);

        asSuperuser("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + id + "' AND sequence_number >= "
                + (newest - 1));
        JsonNode verified = verify(id);
        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(verified.get("findings").findValuesAsText("kind")).containsExactly("REMOVED");
        assertThat(verified.get("firstBrokenSequence").asLong()).isEqualTo(newest - 1);
        assertThat(verified.get("events").asLong()).isEqualTo(newest - 1);
    }

    @Test
    @Order(3)
    void removing_the_checkpoint_too_is_found_with_the_checkpoint_kept_outside() {
        checkpoint(campaigns.launchFollowUp("Before", HttpCampaigns.PUBLISHED_ON));
        String id = campaigns.launchFollowUp("Hidden", HttpCampaigns.PUBLISHED_ON);
        campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
        checkpoint(id);
        long kept = checkpoints.latest().orElseThrow().id();
        JsonNode file = api.get("manager", "/api/checkpoints/" + kept + "/file").body();

        asSuperuser("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + id + "' AND sequence_number >= 2;"
                + "DELETE FROM checkpoint_head WHERE checkpoint_id = " + kept + ";"
                + "DELETE FROM checkpoint WHERE id = " + kept);
        assertThat(verify(id).get("valid").asBoolean()).as("the store alone no longer shows it").isTrue();

        JsonNode against = api.post("manager", "/api/campaigns/" + id + "/verify", file).body();
        assertThat(against.get("valid").asBoolean()).isFalse();
        assertThat(against.get("findings").findValuesAsText("kind")).contains("CHECKPOINT_MISMATCH");
        assertThat(against.get("findings").findValuesAsText("detail"))
                .anySatisfy(detail -> assertThat(detail).contains("the store has no checkpoint " + kept));
    }

    @Test
    @Order(4)
    void a_checkpoint_not_signed_by_a_trusted_key_is_not_checked_against() {
        String id = campaigns.launchFollowUp("Untrusted", HttpCampaigns.PUBLISHED_ON);
        checkpoint(id);
        JsonNode file = api.get("manager", "/api/checkpoints/" + checkpoints.latest().orElseThrow().id() + "/file").body();
        SigningKey stranger = SigningKey.ephemeral();
        String statement = file.get("statement").asText().replaceFirst("key [0-9a-f]+", "key " + stranger.id());
        String signature = java.util.Base64.getEncoder().encodeToString(
                stranger.sign(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var answer = api.post("manager", "/api/campaigns/" + id + "/verify",
                new SignedCheckpoint(statement, signature, SigningKey.pem(stranger.publicKey())));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).contains("does not trust");
        var altered = api.post("manager", "/api/campaigns/" + id + "/verify", new SignedCheckpoint(
                file.get("statement").asText().replaceFirst("events (\\d+)", "events 9$1"), file.get("signature").asText(),
                null));
        assertThat(altered.status()).isEqualTo(400);
        assertThat(altered.detail()).contains("signature does not verify");
    }

    @Test
    @Order(5)
    void checkpoints_come_on_schedule_while_events_arrive() throws InterruptedException {
        String id = campaigns.launchFollowUp("Scheduled", HttpCampaigns.PUBLISHED_ON);
        long before = checkpoints.latest().orElseThrow().id();
        checkpoints.makeDue();
        // the interval (2 s here) has not passed since the last checkpoint: none yet
        long waited = 0;
        while (checkpoints.latest().orElseThrow().createdAt().plusSeconds(2).isAfter(java.time.Instant.now())) {
            Thread.sleep(100);
            waited += 100;
            assertThat(waited).isLessThan(10_000);
        }
        checkpoints.makeDue();
        Checkpoints.Checkpoint made = checkpoints.latest().orElseThrow();
        assertThat(made.id()).isGreaterThan(before);
        assertThat(made.reason()).isEqualTo(Checkpoints.Reason.SCHEDULE);
        assertThat(verify(id).get("anchoredSequence").asLong()).isEqualTo(newestOf(id));
        checkpoints.makeDue();
        assertThat(checkpoints.latest().orElseThrow().id()).as("nothing new, no checkpoint").isEqualTo(made.id());
    }

    @Test
    @Order(99)
    void a_changed_anchor_is_found_and_no_checkpoint_is_made_on_top_of_it() {
        String id = campaigns.launchFollowUp("Anchor forged", HttpCampaigns.PUBLISHED_ON);
        campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
        long newest = checkpoint(id);
        asSuperuser(rewriteFrom(id, 1) + ";UPDATE checkpoint_head h SET hash = e.hash FROM domain_event_entry e"
                + " WHERE h.campaign_id = '" + id + "' AND e.aggregate_identifier = h.campaign_id"
                + " AND e.sequence_number = h.sequence");
        JsonNode verified = verify(id);
        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(verified.get("findings").findValuesAsText("kind")).contains("ANCHOR_ALTERED", "CHECKPOINT_MISMATCH");
        assertThat(verified.get("findings").findValuesAsText("sequence")).contains(Long.toString(newest));
        long latest = checkpoints.latest().orElseThrow().id();
        campaigns.launchFollowUp("After the forgery", HttpCampaigns.PUBLISHED_ON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkpoints.create(Checkpoints.Reason.DEMAND, "test"))
                .hasMessageContaining("no longer give its signed root");
        assertThat(checkpoints.latest().orElseThrow().id()).isEqualTo(latest);
    }

    /** Makes a checkpoint on demand; the campaign's newest sequence, which it covers. */
    private long checkpoint(String id) {
        assertThat(api.post("manager", "/api/checkpoints", "").status()).isEqualTo(201);
        long newest = newestOf(id);
        assertThat(verify(id).get("anchoredSequence").asLong()).isEqualTo(newest);
        return newest;
    }

    private long newestOf(String id) {
        return jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id);
    }

    private JsonNode verify(String id) {
        return api.get("manager", "/api/campaigns/" + id + "/verify").body();
    }

    /** Changes one event's payload and recomputes its hash and every later one with the public function. */
    private static String rewriteFrom(String id, long sequence) {
        return "UPDATE domain_event_entry SET payload = convert_to(convert_from(payload, 'UTF8') || ' ', 'UTF8')"
                + " WHERE aggregate_identifier = '" + id + "' AND sequence_number = " + sequence + ";"
                + """
                DO $$
                DECLARE
                    event RECORD;
                    previous BYTEA;
                BEGIN
                    FOR event IN SELECT * FROM domain_event_entry WHERE aggregate_identifier = '%s' AND sequence_number >= %d
                                  ORDER BY sequence_number LOOP
                        SELECT hash INTO previous FROM domain_event_entry
                         WHERE aggregate_identifier = event.aggregate_identifier AND sequence_number = event.sequence_number - 1;
                        UPDATE domain_event_entry SET hash = event_chain_hash(
                                coalesce(previous, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
                                event.aggregate_identifier, event.sequence_number, event.event_identifier, event.time_stamp,
                                event.payload_type, event.payload_revision, event.payload, event.meta_data)
                         WHERE global_index = event.global_index;
                    END LOOP;
                END
                $$
                """.formatted(id, sequence);
    }

    /** As the database's superuser, with every trigger off, as an attacker who holds it would. */
    private void asSuperuser(String statements) {
        Superuser.withTriggersOff(postgres, statements);
    }
}
