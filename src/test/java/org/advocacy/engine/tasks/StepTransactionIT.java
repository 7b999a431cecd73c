package org.advocacy.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

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
        failInsideDatabase("""
                CREATE FUNCTION pg_temp_fail_append() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: the event store refuses this append'; END $$;
                CREATE TRIGGER fail_append BEFORE INSERT ON domain_event_entry FOR EACH ROW
                    WHEN (NEW.aggregate_identifier = '%s') EXECUTE FUNCTION pg_temp_fail_append();
                """.formatted(campaignId), "DROP TRIGGER fail_append ON domain_event_entry; DROP FUNCTION pg_temp_fail_append();",
                () -> assertThat(api.post("coordinator", "/api/tasks/" + draftTaskId + "/complete", DRAFT).status())
                        .isEqualTo(500));

        assertThat(camundaTasks.createTaskQuery().taskId(draftTaskId).count()).isEqualTo(1);
        assertThat(activeTaskKeys()).containsExactly("draft-hrc-resolution");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertGlobalIndexIsContiguous();

        assertThat(api.post("coordinator", "/api/tasks/" + draftTaskId + "/complete", DRAFT).status()).isEqualTo(204);
        assertThat(activeTaskKeys()).containsExactly("record-hrc-vote");
    }

    @Test
    void when_the_workflow_cannot_complete_the_task_no_event_is_kept() {
        long eventsBefore = storedEvents();
        failInsideDatabase("""
                CREATE FUNCTION pg_temp_fail_completion() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: the workflow cannot complete this task'; END $$;
                CREATE TRIGGER fail_completion BEFORE DELETE ON act_ru_task FOR EACH ROW
                    WHEN (OLD.id_ = '%s') EXECUTE FUNCTION pg_temp_fail_completion();
                """.formatted(draftTaskId), "DROP TRIGGER fail_completion ON act_ru_task; DROP FUNCTION pg_temp_fail_completion();",
                () -> assertThat(api.post("coordinator", "/api/tasks/" + draftTaskId + "/complete", DRAFT).status())
                        .isEqualTo(500));

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%StepCompleted'", Long.class, campaignId)).isZero();
        assertThat(history().size()).isEqualTo(eventsBefore);
        assertThat(camundaTasks.createTaskQuery().taskId(draftTaskId).count()).isEqualTo(1);
        assertThat(activeTaskKeys()).containsExactly("draft-hrc-resolution");
        assertGlobalIndexIsContiguous();
    }

    @Test
    void when_a_projection_cannot_record_the_event_the_step_fails_whole_instead_of_skipping_it() {
        long eventsBefore = storedEvents();
        failInsideDatabase("""
                CREATE FUNCTION pg_temp_fail_projection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: the history projection cannot write'; END $$;
                CREATE TRIGGER fail_projection BEFORE INSERT ON history_entry FOR EACH ROW
                    WHEN (NEW.campaign_id = '%s') EXECUTE FUNCTION pg_temp_fail_projection();
                """.formatted(campaignId), "DROP TRIGGER fail_projection ON history_entry; DROP FUNCTION pg_temp_fail_projection();",
                () -> assertThat(api.post("coordinator", "/api/tasks/" + draftTaskId + "/complete", DRAFT).status())
                        .isEqualTo(500));

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(history().size()).isEqualTo(eventsBefore);
        assertThat(camundaTasks.createTaskQuery().taskId(draftTaskId).count()).isEqualTo(1);
        assertThat(activeTaskKeys()).containsExactly("draft-hrc-resolution");
        assertGlobalIndexIsContiguous();
    }

    private void failInsideDatabase(String install, String uninstall, Runnable step) {
        jdbc.execute(install);
        try {
            step.run();
        } finally {
            jdbc.execute(uninstall);
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

    private void assertGlobalIndexIsContiguous() {
        Map<String, Object> index = jdbc.queryForMap("SELECT count(*) AS events, max(global_index) AS highest, "
                + "min(global_index) AS lowest FROM domain_event_entry");
        assertThat(((Number) index.get("highest")).longValue() - ((Number) index.get("lowest")).longValue() + 1)
                .isEqualTo(((Number) index.get("events")).longValue());
    }
}
