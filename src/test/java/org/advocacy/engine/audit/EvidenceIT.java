package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.advocacy.engine.CampaignEngineApplication;
import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.ScenarioDriver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A campaign's events carried to a fresh database keep their history, outcomes and verifiable
 * chain; a file that was edited, rewritten with recomputed hashes, cut short or signed by a key
 * that the importing installation does not trust is refused with nothing written.
 */
@AppTest
class EvidenceIT {

    @LocalServerPort
    int port;

    @Test
    void an_exported_campaign_imports_into_a_fresh_database_with_identical_history_outcomes_and_verification()
            throws Exception {
        ApiClient here = new ApiClient(port);
        String id = new ScenarioDriver(here).drive(ScenarioDriver.named("dprk-2014.json").content());
        JsonNode evidence = here.get("manager", "/api/campaigns/" + id + "/evidence").body();
        assertThat(evidence.get("events")).hasSize(here.get("manager", "/api/campaigns/" + id + "/verify").body()
                .get("events").asInt());
        assertThat(evidence.get("format").asText()).isEqualTo("campaign-events/2");
        assertThat(evidence.get("checkpoint").get("statement").asText()).startsWith("campaign-checkpoint/1\n");

        String trusted = here.get("manager", "/api/checkpoints/key").body().get("publicKey").asText();
        Path directory = Files.createTempDirectory("evidence-");
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(CampaignEngineApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0",
                        "--campaigns.embedded-database.directory=" + directory.resolve("postgres"),
                        "--campaigns.signing.trusted-keys[0]=" + trusted)) {
            ApiClient there = new ApiClient(Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port")));

            ObjectNode tampered = evidence.deepCopy();
            ObjectNode vote = (ObjectNode) tampered.get("events").get(7);
            vote.put("payload", vote.get("payload").asText().replace("\"inFavour\":30", "\"inFavour\":31"));
            refused(there, id, tampered, "does not verify at event 7");

            ObjectNode recomputed = tampered.deepCopy();
            recompute(id, recomputed);
            refused(there, id, recomputed, "with a head that checkpoint");

            ObjectNode truncated = evidence.deepCopy();
            ArrayNode shorter = (ArrayNode) truncated.get("events");
            shorter.remove(shorter.size() - 1);
            refused(there, id, truncated, "with a head that checkpoint");

            refused(there, id, signedByAStranger(id, recomputed), "which this installation does not trust");

            ObjectNode unsigned = evidence.deepCopy();
            unsigned.put("format", "campaign-events/1");
            unsigned.remove("checkpoint");
            refused(there, id, unsigned, "format must be campaign-events/2");

            assertThat(there.post("manager", "/api/admin/evidence", evidence).status()).isEqualTo(403);
            assertThat(there.post("admin", "/api/admin/evidence", evidence).status()).isEqualTo(201);

            for (String path : new String[] {"", "/history?size=1000", "/tasks", "?asOf=7"}) {
                assertThat(there.text("manager", "/api/campaigns/" + id + path)).as(path)
                        .isEqualTo(here.text("manager", "/api/campaigns/" + id + path));
            }
            JsonNode verified = there.get("manager", "/api/campaigns/" + id + "/verify").body();
            assertThat(verified.get("valid").asBoolean()).isTrue();
            assertThat(verified.get("events").asLong()).isEqualTo(evidence.get("events").size());
            assertThat(there.post("admin", "/api/admin/evidence", evidence).status()).isEqualTo(400);

            JsonNode operations = there.get("manager", "/api/operations").body();
            assertThat(operations).hasSize(1);
            assertThat(operations.get(0).get("operation").asText()).isEqualTo("EVIDENCE_IMPORTED");
            assertThat(operations.get(0).get("actor").asText()).isEqualTo("admin");
            assertThat(operations.get(0).get("subject").asText()).isEqualTo(id);
            assertThat(operations.get(0).get("detail").get("key").asText())
                    .isEqualTo(here.get("manager", "/api/checkpoints/key").body().get("id").asText());
            assertThat(there.get("coordinator", "/api/operations").status()).isEqualTo(403);
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private static void refused(ApiClient there, String id, JsonNode file, String because) {
        Answer refused = there.post("admin", "/api/admin/evidence", file);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.detail()).contains(because);
        assertThat(there.get("manager", "/api/campaigns/" + id).status()).isEqualTo(404);
        assertThat(there.get("manager", "/api/history").body()).isEmpty();
        assertThat(there.get("manager", "/api/operations").body()).isEmpty();
    }

    /** Recomputes every hash of the file's chain, as a forger who knows the public encoding would. */
    private static byte[] recompute(String id, ObjectNode file) {
        byte[] previous = ChainHash.FIRST_PREVIOUS;
        for (JsonNode node : file.get("events")) {
            ObjectNode event = (ObjectNode) node;
            previous = ChainHash.of(previous, new ChainHash.Link(id, event.get("sequenceNumber").asLong(),
                    event.get("eventIdentifier").asText(), event.get("timeStamp").asText(), event.get("payloadType").asText(),
                    event.get("payloadRevision").isNull() ? null : event.get("payloadRevision").asText(),
                    event.get("payload").asText().getBytes(StandardCharsets.UTF_8),
                    event.get("metaData").isNull() ? null : event.get("metaData").asText().getBytes(StandardCharsets.UTF_8)));
            event.put("hash", HexFormat.of().formatHex(previous));
        }
        return previous;
    }

    /** The forged chain with a checkpoint of its own, signed by a key that nobody trusts. */
    private static ObjectNode signedByAStranger(String id, ObjectNode forged) {
        ObjectNode file = forged.deepCopy();
        byte[] head = recompute(id, file);
        long last = file.get("events").size() - 1;
        MerkleTree.Head leaf = new MerkleTree.Head(id, last, head);
        SigningKey stranger = SigningKey.ephemeral();
        CheckpointStatement statement = new CheckpointStatement(1, Instant.now(), 1, last + 1,
                MerkleTree.root(List.of(leaf)), new byte[32], stranger.id());
        ObjectNode checkpoint = file.putObject("checkpoint");
        checkpoint.put("statement", statement.text());
        checkpoint.put("signature", Base64.getEncoder().encodeToString(stranger.sign(statement.bytes())));
        checkpoint.put("publicKey", SigningKey.pem(stranger.publicKey()));
        ObjectNode proof = file.putObject("proof");
        proof.put("leafIndex", 0);
        proof.putArray("path");
        return file;
    }
}
