package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.advocacy.engine.audit.MerkleTree.Head;
import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Signed checkpoints: made on demand and after enough events, listed for managers, checkable with openssl. */
@AppTest
class CheckpointsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    Checkpoints.CheckpointProperties checkpointProperties;

    @TempDir
    Path directory;

    @Test
    void a_downloaded_checkpoint_verifies_with_openssl_and_its_heads_give_its_root() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        ApiClient api = new ApiClient(port);
        HttpCampaigns campaigns = new HttpCampaigns(api);
        String id = campaigns.launchFollowUp("Checkpoint test", HttpCampaigns.PUBLISHED_ON);
        campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);

        Answer made = api.post("manager", "/api/checkpoints", "");
        assertThat(made.status()).isEqualTo(201);
        long checkpoint = made.body().get("id").asLong();
        assertThat(made.body().get("reason").asText()).isEqualTo("DEMAND");
        assertThat(made.body().get("requestedBy").asText()).isEqualTo("manager");

        Path statement = Files.write(directory.resolve("checkpoint.txt"),
                api.bytes("manager", "/api/checkpoints/" + checkpoint + "/statement"));
        Path signature = Files.write(directory.resolve("checkpoint.sig"),
                api.bytes("manager", "/api/checkpoints/" + checkpoint + "/signature"));
        Path key = Files.write(directory.resolve("signing-key.pub.pem"), api.bytes("coordinator", "/api/checkpoints/key.pem"));
        assertThat(Files.size(signature)).isEqualTo(64);
        // the command the README documents
        assertThat(openssl(key, statement, signature)).contains("Signature Verified Successfully");

        Path forged = Files.writeString(directory.resolve("forged.txt"),
                Files.readString(statement).replaceFirst("events (\\d+)", "events 1$1"));
        assertThat(openssl(key, forged, signature)).doesNotContain("Signature Verified Successfully");

        String text = Files.readString(statement, StandardCharsets.UTF_8);
        CheckpointStatement read = CheckpointStatement.parse(text);
        assertThat(read.keyId()).isEqualTo(api.get("manager", "/api/checkpoints/key").body().get("id").asText());
        List<Head> heads = new ArrayList<>();
        for (JsonNode head : api.get("manager", "/api/checkpoints/" + checkpoint + "/heads").body()) {
            heads.add(new Head(head.get("campaignId").asText(), head.get("sequence").asLong(),
                    HexFormat.of().parseHex(head.get("hash").asText())));
        }
        assertThat(heads).hasSize(read.campaigns());
        assertThat(MerkleTree.root(heads)).isEqualTo(read.root());
        long newest = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id);
        assertThat(heads).filteredOn(head -> head.campaignId().equals(id)).singleElement()
                .satisfies(head -> assertThat(head.sequence()).isEqualTo(newest));

        JsonNode verified = api.get("manager", "/api/campaigns/" + id + "/verify").body();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("anchoredSequence").asLong()).isEqualTo(newest);
        assertThat(verified.get("checkpoint").asLong()).isGreaterThanOrEqualTo(checkpoint);
        assertThat(verified.get("findings")).isEmpty();

        JsonNode file = api.get("manager", "/api/checkpoints/" + checkpoint + "/file").body();
        assertThat(file.get("statement").asText()).isEqualTo(text);
        Answer against = api.post("manager", "/api/campaigns/" + id + "/verify", file);
        assertThat(against.body().get("valid").asBoolean()).as(against.body().toString()).isTrue();
        assertThat(against.body().get("checkpoint").asLong()).isEqualTo(checkpoint);
    }

    @Test
    void the_chain_that_the_database_computes_is_the_one_computed_here() {
        ApiClient api = new ApiClient(port);
        String id = new HttpCampaigns(api).launchFollowUp("Chain hash test", HttpCampaigns.PUBLISHED_ON);
        new HttpCampaigns(api).step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
        byte[][] previous = {ChainHash.FIRST_PREVIOUS};
        int[] events = {0};
        jdbc.query("""
                SELECT sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, hash
                  FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, row -> {
            byte[] computed = ChainHash.of(previous[0], new ChainHash.Link(id, row.getLong(1), row.getString(2),
                    row.getString(3), row.getString(4), row.getString(5), row.getBytes(6), row.getBytes(7)));
            assertThat(computed).as("event %d", row.getLong(1)).isEqualTo(row.getBytes(8));
            previous[0] = computed;
            events[0]++;
        }, id);
        assertThat(events[0]).isGreaterThan(3);
    }

    @Test
    void enough_new_events_make_a_checkpoint_by_themselves() {
        ApiClient api = new ApiClient(port);
        long before = checkpoints.latest().map(Checkpoints.Checkpoint::id).orElse(0L);
        HttpCampaigns campaigns = new HttpCampaigns(api);
        long needed = checkpointProperties.everyEvents();
        long appended = 0;
        while (appended < needed) {
            String id = campaigns.launchFollowUp("Many events", HttpCampaigns.PUBLISHED_ON);
            campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
            appended += jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, id);
        }
        checkpoints.makeDue();
        List<Checkpoints.Checkpoint> made = checkpoints.list(0, 50).stream().filter(c -> c.id() > before).toList();
        assertThat(made).extracting(Checkpoints.Checkpoint::reason).contains(Checkpoints.Reason.EVENTS);
    }

    @Test
    void checkpoints_are_for_managers_and_admins_and_the_public_key_for_everyone_signed_in() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("coordinator", "/api/checkpoints").status()).isEqualTo(403);
        assertThat(api.post("coordinator", "/api/checkpoints", "").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/checkpoints/key").status()).isEqualTo(401);
        assertThat(api.get("coordinator", "/api/checkpoints/key").body().get("publicKey").asText())
                .startsWith("-----BEGIN PUBLIC KEY-----");
        Answer list = api.get("admin", "/api/checkpoints?size=2");
        assertThat(list.status()).isEqualTo(200);
        assertThat(api.get("manager", "/api/checkpoints/999999").status()).isEqualTo(404);
        assertThat(api.get("manager", "/api/checkpoints?size=0").status()).isEqualTo(400);
    }

    private static String openssl(Path key, Path statement, Path signature) throws Exception {
        Process process = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(), "-rawin",
                "-in", statement.toString(), "-sigfile", signature.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
