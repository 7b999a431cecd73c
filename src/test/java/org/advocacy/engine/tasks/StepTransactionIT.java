package org.advocacy.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.Superuser;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A workflow step and its events commit together or not at all: when the event cannot be
 * appended the task stays active, and when the workflow cannot complete the task no event stays.
 * Failures are injected in the database itself, with a trigger aimed at one campaign.
 */
@AppTest
class StepTransactionIT {

    private static final Map<String, Object> DRAFT = Map.of("leadSponsors", List.of("Japan", "European Union"),
            "endorsesFindings", true, "requestsTransmissionToGeneralAssembly", true, "createsFieldStructure", true);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    TaskService camundaTasks;

    ApiClient api;
    String campaignId;
    String draftTaskId;

    @BeforeEach
    void launch() {
        api = new ApiClient(port);
        Answer launched = api.post("coordinator", "/api/campaigns", Map.of("template", "coi-follow-up",
                "title", "Transaction test", "reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17"));
        assertThat(launched.status()).isEqualTo(201);
        campaignId = launched.body().get("id").asText();
        draftTaskId = launched.body().get("activeTasks").get(0).get("id").asText();
    }

    @Test
    void when_the_event_cannot_be_appended_the_task_stays_active_and_nothing_is_recorded() {
        long eventsBefore = storedEvents();
        completeDraftWhileTheDatabaseRefuses("INSERT ON domain_event_entry",
                "NEW.aggregate_identifier = '" + campaignId + "'");

        assertThat(camundaTasks.createTaskQuery().taskId(draftTaskId).count()).isEqualTo(1);
        assertThat(activeTaskKeys()).containsExactly("draft-hrc-resolution");
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        assertThat(api.post("coordinator", "/api/tasks/" + draftTaskId + "/complete", DRAFT).status()).isEqualTo(204);
        assertThat(activeTaskKeys()).containsExactly("record-hrc-vote");
    }

    @Test
    void when_the_workflow_cannot_complete_the_task_no_event_is_kept() {
        long eventsBefore = storedEvents();
        completeDraftWhileTheDatabaseRefuses("DELETE ON act_ru_task", "OLD.id_ = '" + draftTaskId + "'");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%StepCompleted'", Long.class, campaignId)).isZero();
        assertThat(history().size()).isEqualTo(eventsBefore);
        assertThat(camundaTasks.createTaskQuery().taskId(draftTaskId).count()).isEqualTo(1);
        assertThat(activeTaskKeys()).containsExactly("draft-hrc-resolution");
    }

    @Test
    void when_a_projection_cannot_record_the_event_the_step_fails_whole_instead_of_skipping_it() {
        long eventsBefore = storedEvents();
        completeDraftWhileTheDatabaseRefuses("INSERT ON history_entry", "NEW.campaign_id = '" + campaignId + "'");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(history().size()).isEqualTo(eventsBefore);
        assertThat(camundaTasks.createTaskQuery().taskId(draftTaskId).count()).isEqualTo(1);
        assertThat(activeTaskKeys()).containsExactly("draft-hrc-resolution");
    }

    /**
     * Completes the draft task while a trigger makes {@code operation} (such as "INSERT ON
     * history_entry") fail for the rows that {@code condition} picks; the step must answer 500.
     */
    private void completeDraftWhileTheDatabaseRefuses(String operation, String condition) {
        JdbcTemplate superuser = Superuser.jdbc(postgres);
        superuser.execute("""
                CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: the database refuses %1$s'; END $$;
                CREATE TRIGGER injected_failure BEFORE %1$s FOR EACH ROW WHEN (%2$s) EXECUTE FUNCTION injected_failure();
                """.formatted(operation, condition));
        try {
            assertThat(api.post("coordinator", "/api/tasks/" + draftTaskId + "/complete", DRAFT).status()).isEqualTo(500);
        } finally {
            superuser.execute("DROP TRIGGER injected_failure ON " + operation.substring(operation.indexOf(" ON ") + 4)
                    + "; DROP FUNCTION injected_failure();");
        }
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, campaignId);
    }

    private JsonNode history() {
        return api.get("manager", "/api/campaigns/" + campaignId + "/history").body();
    }

    private List<String> activeTaskKeys() {
        return api.get("coordinator", "/api/campaigns/" + campaignId + "/tasks").body().findValuesAsText("key");
    }
}
