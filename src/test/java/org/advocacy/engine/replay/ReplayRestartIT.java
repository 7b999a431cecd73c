package org.advocacy.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.Apps;
import org.advocacy.engine.support.ScenarioDriver;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rebuild that a restart interrupts goes on when the app is back, and ends with the same read
 * models. Runs the app twice on one embedded database directory, stopping it mid-rebuild.
 */
class ReplayRestartIT {

    @Test
    void a_rebuild_interrupted_by_a_restart_resumes_and_gives_the_same_answers() throws Exception {
        Path directory = Files.createTempDirectory("replay-restart-");
        String[] arguments = {"--spring.profiles.active=test", "--server.port=0",
                "--campaigns.embedded-database.directory=" + directory.resolve("postgres"),
                "--campaigns.replay.batch-size=4", "--campaigns.replay.pause-between-batches=150ms"};
        try {
            Map<String, String> before;
            long processedBeforeStop;
            try (ConfigurableApplicationContext first = Apps.start(arguments)) {
                ApiClient api = Apps.client(first);
                ScenarioDriver driver = new ScenarioDriver(api);
                ScenarioDriver.all().forEach(scenario -> driver.drive(scenario.content()));
                driver.drive(ScenarioDriver.named("dprk-2014.json").content());
                before = ReplayIT.ReadModelAnswers.of(api);

                assertThat(api.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
                JsonNode running = awaitProgress(api, 8);
                assertThat(running.get("status").asText()).isEqualTo("RUNNING");
                processedBeforeStop = running.get("processed").asLong();
                assertThat(processedBeforeStop).isLessThan(running.get("total").asLong());
            }

            try (ConfigurableApplicationContext second = Apps.start(arguments)) {
                ApiClient api = Apps.client(second);
                JsonNode done = ReplayIT.ReadModelAnswers.awaitRebuild(api);
                assertThat(done.get("status").asText()).isEqualTo("DONE");
                assertThat(done.get("processed").asLong()).isEqualTo(done.get("total").asLong())
                        .isGreaterThan(processedBeforeStop);
                ReplayIT.ReadModelAnswers.assertSame(before, ReplayIT.ReadModelAnswers.of(api));
            }
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }


    private static JsonNode awaitProgress(ApiClient api, long processed) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode status = api.get("admin", "/api/admin/projections/rebuild").body();
            if (status.get("processed").asLong() >= processed) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the rebuild did not get going");
    }
}
