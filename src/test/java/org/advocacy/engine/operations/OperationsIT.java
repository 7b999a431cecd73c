package org.advocacy.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an operator and an orchestrator see: the probes, and Actuator's other endpoints for ADMINs only. */
@AppTest
class OperationsIT extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(answer.body(), unreadable);
        }
    }

    @Test
    void the_probes_answer_anonymous_callers_up_with_no_details() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            HttpResponse<String> answer = api.exchange(null, "GET", probe, null);
            assertThat(answer.statusCode()).as("%s: %s", probe, answer.body()).isIn(200, 503);
            assertThat(json(answer).fieldNames()).toIterable().as(probe).contains("status")
                    .doesNotContain("components", "details");
        }
        assertThat(json(api.exchange(null, "GET", "/actuator/health/liveness", null)).path("status").asText()).isEqualTo("UP");
        assertThat(json(api.exchange(null, "GET", "/actuator/health/readiness", null)).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void an_admin_sees_that_readiness_includes_the_database() {
        JsonNode readiness = json(api.exchange("admin", "GET", "/actuator/health/readiness", null));
        assertThat(readiness.path("components").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "readinessState");
        assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void actuators_other_endpoints_are_for_admins_only() {
        for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/health/db")) {
            assertThat(api.exchange(null, "GET", path, null).statusCode()).as("anonymous %s", path).isEqualTo(401);
            for (String user : List.of("coordinator", "manager")) {
                assertThat(api.exchange(user, "GET", path, null).statusCode()).as("%s %s", user, path).isEqualTo(403);
            }
            assertThat(api.exchange("admin", "GET", path, null).statusCode()).as("admin %s", path).isEqualTo(200);
        }
        assertThat(api.exchange("admin", "GET", "/actuator/env", null).statusCode()).as("not exposed").isEqualTo(404);
    }
}
