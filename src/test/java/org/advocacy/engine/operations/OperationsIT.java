package org.advocacy.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator and an orchestrator see: the probes, Actuator's other endpoints for ADMINs
 * only, the metrics in Prometheus's format, and the workflow engine's incidents.
 */
@AppTest
class OperationsIT extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

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

    @Test
    void a_job_that_fails_until_its_retries_are_spent_is_an_incident_that_an_admin_sees_with_its_campaign() {
        String id = campaigns.launch(Map.of("template", "incident-drill", "title", "Incident drill " + UUID.randomUUID()));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        try {
            for (int attempt = 0; attempt < 10 && management.createJobQuery().jobId(job.getId()).noRetriesLeft().count() == 0;
                 attempt++) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the drill's step always fails; each failure spends a retry
                }
            }

            Answer incidents = api.get("admin", "/api/admin/incidents");
            assertThat(incidents.status()).isEqualTo(200);
            JsonNode incident = null;
            for (JsonNode each : incidents.body()) {
                if (id.equals(each.path("campaignId").asText())) {
                    incident = each;
                }
            }
            assertThat(incident).as("incident of campaign %s in %s", id, incidents.body()).isNotNull();
            assertThat(incident.path("processInstanceId").asText()).isEqualTo(instance);
            assertThat(incident.path("activityId").asText()).isEqualTo("send-reminder");
            assertThat(incident.path("type").asText()).isEqualTo("failedJob");
            assertThat(incident.path("message").asText()).contains("reminderService");
            assertThat(incident.path("id").asText()).isNotBlank();
            assertThat(incident.path("at").asText()).isNotBlank();

            assertThat(api.get("manager", "/api/admin/incidents").status()).isEqualTo(403);
            assertThat(api.get("coordinator", "/api/admin/incidents").status()).isEqualTo(403);
            String metrics = api.exchange("admin", "GET", "/actuator/prometheus", null).body();
            assertThat(gauge(metrics, "campaigns_workflow_incidents")).isGreaterThanOrEqualTo(1);
            assertThat(gauge(metrics, "campaigns_workflow_jobs_failed")).isGreaterThanOrEqualTo(1);
        } finally {
            runtime.deleteProcessInstance(instance, "the incident drill is over");
        }
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
