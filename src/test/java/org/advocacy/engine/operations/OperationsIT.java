package org.advocacy.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator and an orchestrator see: the probes, Actuator's other endpoints for ADMINs
 * only, and the metrics in Prometheus's format.
 */
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

    @Test
    void prometheus_shows_step_latency_by_task_refusals_by_reason_lock_waits_rebuild_progress_and_workflow_counts() {
        String id = campaigns.launchFollowUp("Metrics " + UUID.randomUUID(), HttpCampaigns.PUBLISHED_ON);
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");
        campaigns.step(id, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
        Answer again = api.post("coordinator", "/api/tasks/" + draft + "/complete", HttpCampaigns.DRAFT_HRC);
        assertThat(again.status()).isEqualTo(409);

        HttpResponse<String> scraped = api.exchange("admin", "GET", "/actuator/prometheus", null);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<String> lines = scraped.body().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("campaigns_step_duration_seconds_count{")
                .contains("task_key=\"draft-hrc-resolution\"").contains("outcome=\"committed\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("campaigns_step_duration_seconds_bucket{"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("campaigns_refusals_total{")
                .contains("reason=\"TASK_NOT_ACTIVE\"").contains("status=\"409\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("campaigns_lock_wait_seconds_count{"));
        for (String gauge : List.of("campaigns_rebuild_processed", "campaigns_rebuild_events", "campaigns_rebuild_running",
                "campaigns_workflow_incidents", "campaigns_workflow_jobs", "campaigns_workflow_jobs_failed")) {
            assertThat(lines).as(gauge).anySatisfy(line -> assertThat(line).startsWith(gauge + "{"));
        }
    }
}
