package org.advocacy.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.advocacy.engine.replay.ReplayIT.ReadModelAnswers;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.ScenarioDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rebuild whose node died (the row says RUNNING, and nobody holds the rebuild's lock) is never
 * stuck: a living node takes it over at its next check (campaigns.replay.check-every, 2 s in the
 * test profile), and a new start restarts it; one whose node still holds the lock is left to it.
 */
@AppTest
class RebuildTakeoverIT extends ApiTest {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<Projection> projections;

    @Test
    void a_rebuild_left_running_by_a_dead_node_is_taken_over_and_finishes_with_the_same_read_models() {
        new ScenarioDriver(api).drive(ScenarioDriver.all().get(0).content());
        Map<String, String> before = ReadModelAnswers.of(api);
        long logged = newestOperation();

        leaveRunningByADeadNode(Instant.now().minus(Duration.ofHours(1)));
        JsonNode done = ReadModelAnswers.awaitRebuild(api);

        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(done.path("processed").asLong()).isEqualTo(eventCount());
        ReadModelAnswers.assertSame(before, ReadModelAnswers.of(api));
        assertThat(operationsSince(logged)).contains("REBUILD_TAKEN_OVER engine", "REBUILD_FINISHED engine");
    }

    @Test
    void a_rebuild_whose_node_holds_its_lock_is_left_to_it_and_a_start_restarts_one_that_nobody_holds() throws Exception {
        new ScenarioDriver(api).drive(ScenarioDriver.all().get(0).content());
        Map<String, String> before = ReadModelAnswers.of(api);
        long logged = newestOperation();
        try (Connection living = dataSource.getConnection(); Statement node = living.createStatement()) {
            node.execute("SELECT pg_advisory_lock(" + ProjectionRebuild.LOCK_KEY + ")");
            try {
                leaveRunningByADeadNode(Instant.now().minus(Duration.ofHours(1)));
                Thread.sleep(CHECK_EVERY.multipliedBy(2).toMillis());

                JsonNode status = api.get("admin", "/api/admin/projections/rebuild").body();
                assertThat(status.path("status").asText()).isEqualTo("RUNNING");
                assertThat(status.path("processed").asLong()).isZero();
                assertThat(api.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(409);
                // just started, so that the periodic check leaves it to the start below
                leaveRunningByADeadNode(Instant.now());
            } finally {
                node.execute("SELECT pg_advisory_unlock(" + ProjectionRebuild.LOCK_KEY + ")");
            }
        }

        assertThat(api.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        JsonNode done = ReadModelAnswers.awaitRebuild(api);

        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(done.path("processed").asLong()).isEqualTo(eventCount());
        ReadModelAnswers.assertSame(before, ReadModelAnswers.of(api));
        List<String> operations = operationsSince(logged);
        assertThat(operations).contains("REBUILD_RESTARTED admin", "REBUILD_FINISHED engine")
                .doesNotContain("REBUILD_TAKEN_OVER engine");
    }

    /** The rebuild's row and shadow tables as a node leaves them that died right after starting a rebuild. */
    private void leaveRunningByADeadNode(Instant startedAt) {
        projections.forEach(projection -> jdbc.update("DELETE FROM " + projection.table() + "_rebuild"));
        jdbc.update("""
                INSERT INTO projection_rebuild (singleton, status, position_transaction, position, processed, total, started_at)
                VALUES (TRUE, 'RUNNING', '0', 0, 0, ?, ?)
                ON CONFLICT (singleton) DO UPDATE SET status = 'RUNNING', position_transaction = '0', position = 0,
                    processed = 0, total = excluded.total, started_at = excluded.started_at, finished_at = NULL,
                    error = NULL
                """, eventCount(), Timestamp.from(startedAt));
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long newestOperation() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM operation_log", Long.class);
    }

    /** "OPERATION actor" of each entry after that one, oldest first. */
    private List<String> operationsSince(long id) {
        return jdbc.queryForList("SELECT operation || ' ' || actor FROM operation_log WHERE id > ? ORDER BY id",
                String.class, id);
    }
}
