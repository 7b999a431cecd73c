package org.advocacy.engine.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.ScenarioDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives every scenario file (real campaigns from the UN record, in test resources under
 * scenarios/) through the public HTTP contract and checks what the file expects.
 */
@AppTest
class ScenarioAcceptanceIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_reaches_the_outcomes_of_the_record() {
        List<ScenarioDriver.Scenario> scenarios = ScenarioDriver.all();
        assertThat(scenarios).isNotEmpty();
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.file(),
                () -> driveAndCheck(scenario.content())));
    }

    @TestFactory
    Stream<DynamicTest> every_other_path_of_the_template_reaches_the_outcomes_of_the_rules() {
        List<ScenarioDriver.Scenario> paths = ScenarioDriver.in("paths");
        assertThat(paths).isNotEmpty();
        return paths.stream().map(path -> DynamicTest.dynamicTest(path.file(), () -> driveAndCheck(path.content())));
    }

    private void driveAndCheck(JsonNode scenario) {
        String id = new ScenarioDriver(api).drive(scenario);

        JsonNode expected = scenario.get("expect");
        JsonNode campaign = api.get("manager", "/api/campaigns/" + id).body();
        assertThat(outcomes(campaign.get("outcomes"))).isEqualTo(outcomes(expected.get("outcomes")));
        assertThat(campaign.get("status").asText()).isEqualTo(expected.get("status").asText());
        assertThat(campaign.get("activeTasks").findValuesAsText("key"))
                .containsExactlyInAnyOrderElementsOf(texts(expected.get("activeTasks")));

        JsonNode verification = api.get("manager", "/api/campaigns/" + id + "/verify").body();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        JsonNode history = api.get("manager", "/api/campaigns/" + id + "/history?size=1000").body();
        assertThat(history.size()).isEqualTo(verification.get("events").asInt());
        for (int sequence = 0; sequence < history.size(); sequence++) {
            assertThat(history.get(sequence).get("sequence").asInt()).isEqualTo(sequence);
        }
    }

    private static Map<String, String> outcomes(JsonNode node) {
        Map<String, String> outcomes = new HashMap<>();
        node.fields().forEachRemaining(entry -> outcomes.put(entry.getKey(), entry.getValue().asText()));
        return outcomes;
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
