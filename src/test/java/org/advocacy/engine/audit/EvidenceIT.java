package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A campaign's events carried to a fresh database keep their history, outcomes and verifiable chain. */
@AppTest
class EvidenceIT {

    @LocalServerPort
    int port;

    @Test
    void an_exported_campaign_imports_into_a_fresh_database_with_identical_history_outcomes_and_verification()
            throws Exception {
        ApiClient here = new ApiClient(port);
        String id = new ScenarioDriver(here).drive(ScenarioDriver.all().get(0).content());
        JsonNode evidence = here.get("manager", "/api/campaigns/" + id + "/evidence").body();
        assertThat(evidence.get("events")).hasSize(here.get("manager", "/api/campaigns/" + id + "/verify").body()
                .get("events").asInt());

        Path directory = Files.createTempDirectory("evidence-");
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(CampaignEngineApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0",
                        "--campaigns.embedded-database.directory=" + directory.resolve("postgres"))) {
            ApiClient there = new ApiClient(Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port")));

            ObjectNode tampered = evidence.deepCopy();
            ObjectNode vote = (ObjectNode) tampered.get("events").get(7);
            vote.put("payload", vote.get("payload").asText().replace("\"inFavour\":30", "\"inFavour\":31"));
            Answer refused = there.post("admin", "/api/admin/evidence", tampered);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("does not verify at event 7");
            assertThat(there.get("manager", "/api/campaigns/" + id).status()).isEqualTo(404);
            assertThat(there.get("manager", "/api/history").body()).isEmpty();

            assertThat(there.post("manager", "/api/admin/evidence", evidence).status()).isEqualTo(403);
            assertThat(there.post("admin", "/api/admin/evidence", evidence).status()).isEqualTo(201);

            for (String path : new String[] {"", "/history?size=1000", "/verify", "/tasks", "?asOf=7"}) {
                assertThat(there.text("manager", "/api/campaigns/" + id + path)).as(path)
                        .isEqualTo(here.text("manager", "/api/campaigns/" + id + path));
            }
            assertThat(there.get("manager", "/api/campaigns/" + id + "/verify").body().get("valid").asBoolean()).isTrue();
            assertThat(there.post("admin", "/api/admin/evidence", evidence).status()).isEqualTo(400);
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }
}
