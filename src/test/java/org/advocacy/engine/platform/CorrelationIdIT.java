package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.tasks.TaskSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** A request's correlation id is in its answer, in every line it logs, and in every event it records. */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdIT extends ApiTest {

    @Autowired
    LoggingSystem logging;

    @Test
    void a_step_sent_with_correlation_id_abc_records_its_events_and_logs_its_lines_under_abc(CapturedOutput output) {
        String id = campaigns.launchFollowUp("Correlated " + UUID.randomUUID(), HttpCampaigns.PUBLISHED_ON);
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");
        assertThat(api.post("coordinator", "/api/tasks/" + draft + "/claim", null).status()).isEqualTo(204);
        // the step's own line is INFO; the test profile logs WARN and above
        logging.setLogLevel(TaskSteps.class.getName(), LogLevel.INFO);
        HttpResponse<String> completed;
        try {
            completed = api.exchange("coordinator", "POST", "/api/tasks/" + draft + "/complete", HttpCampaigns.DRAFT_HRC,
                    "X-Correlation-Id", "abc");
        } finally {
            logging.setLogLevel(TaskSteps.class.getName(), null);
        }

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(completed.headers().firstValue("X-Correlation-Id")).hasValue("abc");
        List<JsonNode> stepEvents = campaigns.history(id).findParents("correlationId").stream()
                .filter(metadata -> "abc".equals(metadata.path("correlationId").asText())).toList();
        assertThat(stepEvents).extracting(metadata -> metadata.path("taskId").asText()).contains(draft);
        assertThat(campaigns.eventTypes(id)).hasSizeGreaterThan(stepEvents.size());
        List<String> stepLines = output.getOut().lines().filter(line -> line.contains(draft)).toList();
        assertThat(stepLines).isNotEmpty().allSatisfy(line -> assertThat(line).contains("[abc]"));
    }

    @Test
    void a_request_without_a_sane_correlation_id_is_answered_with_a_new_one() {
        HttpResponse<String> without = api.exchange("coordinator", "GET", "/api/campaigns", null);
        HttpResponse<String> forged = api.exchange("coordinator", "GET", "/api/campaigns", null,
                "X-Correlation-Id", "x".repeat(200));
        HttpResponse<String> refused = api.exchange(null, "GET", "/api/campaigns", null, "X-Correlation-Id", "unsigned-1");

        String fresh = without.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(fresh).toString()).isEqualTo(fresh);
        assertThat(forged.headers().firstValue("X-Correlation-Id").orElseThrow()).hasSize(36).isNotEqualTo(fresh);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Correlation-Id")).hasValue("unsigned-1");
    }
}
