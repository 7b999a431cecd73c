package org.advocacy.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient.Answer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives a scenario file (test resources, scenarios/*.json; format in scenarios/README.md) through
 * the public HTTP contract: launch, then for each step wait for its task, claim it and complete it.
 */
public final class ScenarioDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_FOR_TASK_MILLIS = 5_000;

    private final ApiClient api;

    public ScenarioDriver(ApiClient api) {
        this.api = api;
    }

    /** A scenario by file name and content. */
    public record Scenario(String file, JsonNode content) {
    }

    /** The real campaigns, from the UN record. */
    public static List<Scenario> all() {
        return in("scenarios");
    }

    /**
     * One real campaign by its file name: for tests that depend on what it holds (the 2014
     * campaign's HRC vote as its eighth event, say), which the first file of the folder may not be.
     */
    public static Scenario named(String file) {
        return all().stream().filter(scenario -> file.equals(scenario.file())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario file " + file));
    }

    /** Every scenario file of a test resources folder. */
    public static List<Scenario> in(String folder) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*.json");
            List<Scenario> scenarios = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    scenarios.add(new Scenario(file.getFilename(), JSON.readTree(in)));
                }
            }
            return scenarios;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Launches the scenario's campaign and completes all its steps; the campaign's id. */
    public String drive(JsonNode scenario) {
        Answer launched = api.post("coordinator", "/api/campaigns", scenario.get("start"));
        assertThat(launched.status()).as("launch: %s", launched.body()).isEqualTo(201);
        String id = launched.body().get("id").asText();
        for (JsonNode step : scenario.get("steps")) {
            String key = step.get("task").asText();
            String user = step.hasNonNull("as") ? step.get("as").asText() : "coordinator";
            String taskId = awaitActiveTask(id, key);
            Answer claimed = api.post(user, "/api/tasks/" + taskId + "/claim", Map.of());
            assertThat(claimed.status()).as("claim %s: %s", key, claimed.body()).isEqualTo(204);
            Answer completed = api.post(user, "/api/tasks/" + taskId + "/complete", step.get("fields"));
            assertThat(completed.status()).as("complete %s: %s", key, completed.body()).isEqualTo(204);
        }
        return id;
    }

    private String awaitActiveTask(String campaignId, String key) {
        long deadline = System.currentTimeMillis() + WAIT_FOR_TASK_MILLIS;
        List<String> seen = List.of();
        while (System.currentTimeMillis() < deadline) {
            JsonNode tasks = api.get("coordinator", "/api/campaigns/" + campaignId + "/tasks").body();
            for (JsonNode task : tasks) {
                if (task.get("key").asText().equals(key)) {
                    return task.get("id").asText();
                }
            }
            seen = tasks.findValuesAsText("key");
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new AssertionError("task " + key + " did not become active; active: " + seen);
    }
}
