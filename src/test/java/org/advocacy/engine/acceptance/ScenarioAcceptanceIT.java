package org.advocacy.engine.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives every scenario file (real campaigns from the UN record, in test resources under
 * scenarios/) through the public HTTP contract and checks what the file expects.
 */
@AppTest
class ScenarioAcceptanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_FOR_TASK_MILLIS = 5_000;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_reaches_the_outcomes_of_the_record() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.json");
        assertThat(files).isNotEmpty();
        return Arrays.stream(files).map(file -> DynamicTest.dynamicTest(file.getFilename(), () -> drive(read(file))));
    }

    private static JsonNode read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    private void drive(JsonNode scenario) throws InterruptedException {
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

        JsonNode expected = scenario.get("expect");
        JsonNode campaign = api.get("manager", "/api/campaigns/" + id).body();
        assertThat(outcomes(campaign.get("outcomes"))).isEqualTo(outcomes(expected.get("outcomes")));
        assertThat(campaign.get("status").asText()).isEqualTo(expected.get("status").asText());
        assertThat(keys(campaign.get("activeTasks")))
                .containsExactlyInAnyOrderElementsOf(texts(expected.get("activeTasks")));

        JsonNode verification = api.get("manager", "/api/campaigns/" + id + "/verify").body();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        JsonNode history = api.get("manager", "/api/campaigns/" + id + "/history?size=1000").body();
        assertThat(history.size()).isEqualTo(verification.get("events").asInt());
        for (int sequence = 0; sequence < history.size(); sequence++) {
            assertThat(history.get(sequence).get("sequence").asInt()).isEqualTo(sequence);
        }
    }

    private String awaitActiveTask(String campaignId, String key) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_FOR_TASK_MILLIS;
        List<String> seen = List.of();
        while (System.currentTimeMillis() < deadline) {
            JsonNode tasks = api.get("coordinator", "/api/campaigns/" + campaignId + "/tasks").body();
            for (JsonNode task : tasks) {
                if (task.get("key").asText().equals(key)) {
                    return task.get("id").asText();
                }
            }
            seen = keys(tasks);
            Thread.sleep(50);
        }
        throw new AssertionError("task " + key + " did not become active; active: " + seen);
    }

    private static Map<String, String> outcomes(JsonNode node) {
        Map<String, String> outcomes = new HashMap<>();
        node.fields().forEachRemaining(entry -> outcomes.put(entry.getKey(), entry.getValue().asText()));
        return outcomes;
    }

    private static List<String> keys(JsonNode tasks) {
        List<String> keys = new ArrayList<>();
        tasks.forEach(task -> keys.add(task.get("key").asText()));
        return keys;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
