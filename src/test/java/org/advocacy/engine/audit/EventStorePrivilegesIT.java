package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.Superuser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Through the app's own connection, in the default setup (and on a server set up as the README
 * says, which .ci/run checks): the app's role reads and appends events
 * but may not change, remove, alter or unprotect them, nor the checkpoints and the operations log;
 * the migrations ran as the owning role.
 */
@AppTest
class EventStorePrivilegesIT {

    /** An event of a campaign that does not exist; every transaction that appends it is rolled back. */
    private static final String APPEND = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload, meta_data)
            VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Campaign', '2026-01-01T00:00:00Z',
                    'probe', '\\x7b7d', '\\x7b7d')
            """;

    private static final List<String> RECORD = List.of("domain_event_entry", "checkpoint", "checkpoint_head", "operation_log");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    /** Absent on a configured server (where .ci/run runs this test too): then the app's own view suffices. */
    @Autowired
    ObjectProvider<EmbeddedPostgres> embedded;

    @Test
    void the_app_connects_as_its_own_role_and_the_migrations_ran_as_the_owner() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("campaigns_app");
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        if (postgres != null) {
            assertThat(Superuser.jdbc(postgres).queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history",
                    String.class)).containsExactly("campaigns_owner");
        }
        for (String table : RECORD) {
            assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = ?", String.class, table))
                    .as(table).isEqualTo("campaigns_owner");
        }
        assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'act_ru_task'", String.class))
                .isEqualTo("campaigns_app");
    }

    @Test
    void the_app_reads_and_appends_events() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate(APPEND)).isEqualTo(1);
                try (ResultSet read = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                    assertThat(read.next()).isTrue();
                    assertThat(read.getLong(1)).isPositive();
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void operators_and_functions_that_the_app_creates_cannot_redirect_the_chain() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // an equality that holds for any two texts, and a chain function that hashes nothing
                statement.execute("""
                        CREATE FUNCTION public.forged_equal(varchar, varchar) RETURNS boolean LANGUAGE sql AS 'SELECT true';
                        CREATE OPERATOR public.= (LEFTARG = varchar, RIGHTARG = varchar, FUNCTION = public.forged_equal);
                        CREATE FUNCTION public.event_chain_hash(BYTEA, VARCHAR, BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR,
                            BYTEA, BYTEA) RETURNS BYTEA LANGUAGE sql AS 'SELECT $1'""");
                String campaign = java.util.UUID.randomUUID().toString();
                for (long sequence = 0; sequence < 3; sequence++) {
                    // another campaign's event first, which a forged equality would take as the predecessor
                    statement.execute(APPEND);
                    statement.execute(APPEND.replace("gen_random_uuid()::text, 0", "gen_random_uuid()::text, " + sequence)
                            .replaceFirst("gen_random_uuid\\(\\)::text, gen_random_uuid\\(\\)::text",
                                    "gen_random_uuid()::text, '" + campaign + "'"));
                }
                byte[] previous = ChainHash.FIRST_PREVIOUS;
                try (ResultSet events = statement.executeQuery("""
                        SELECT sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload,
                               meta_data, hash FROM domain_event_entry WHERE aggregate_identifier::text = '%s'::text
                         ORDER BY sequence_number""".formatted(campaign))) {
                    int count = 0;
                    while (events.next()) {
                        byte[] computed = ChainHash.of(previous, new ChainHash.Link(campaign, events.getLong(1),
                                events.getString(2), events.getString(3), events.getString(4), events.getString(5),
                                events.getBytes(6), events.getBytes(7)));
                        assertThat(events.getBytes(8)).as("event %d", events.getLong(1)).isEqualTo(computed);
                        previous = computed;
                        count++;
                    }
                    assertThat(count).isEqualTo(3);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void the_app_may_not_change_remove_alter_or_unprotect_the_record() throws SQLException {
        List<String> refused = new ArrayList<>();
        for (String table : RECORD) {
            refused.add("UPDATE " + table + " SET " + (table.equals("domain_event_entry") ? "type" : "campaign_id") + " = 'x'");
            refused.add("DELETE FROM " + table);
            refused.add("TRUNCATE " + table);
            refused.add("ALTER TABLE " + table + " ADD COLUMN forged TEXT");
            refused.add("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            refused.add("DROP TABLE " + table + " CASCADE");
            refused.add("CREATE TRIGGER forged BEFORE INSERT ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION refuse_event_change()");
            refused.add("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        refused.set(refused.indexOf("UPDATE operation_log SET campaign_id = 'x'"), "UPDATE operation_log SET actor = 'x'");
        refused.set(refused.indexOf("UPDATE checkpoint SET campaign_id = 'x'"), "UPDATE checkpoint SET reason = 'x'");
        for (String trigger : jdbc.queryForList("SELECT tgname FROM pg_trigger WHERE tgrelid = 'domain_event_entry'::regclass"
                + " AND NOT tgisinternal", String.class)) {
            refused.add("ALTER TABLE domain_event_entry DISABLE TRIGGER " + trigger);
        }
        refused.add("SET session_replication_role = replica");
        refused.add("ALTER FUNCTION domain_event_entry_before_insert() RENAME TO forged");
        refused.add("""
                CREATE OR REPLACE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RETURN NEW; END $$""");
        refused.add("""
                CREATE OR REPLACE FUNCTION event_chain_hash(previous BYTEA, aggregate_identifier TEXT, sequence_number BIGINT,
                    event_identifier TEXT, time_stamp TEXT, payload_type TEXT, payload_revision TEXT, payload BYTEA,
                    meta_data BYTEA) RETURNS BYTEA LANGUAGE sql AS $$ SELECT previous $$""");
        refused.add("ALTER SEQUENCE domain_event_entry_global_index_seq RESTART WITH 1");
        assertThat(refused).hasSizeGreaterThan(30);

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (String change : refused) {
                try (Statement statement = connection.createStatement()) {
                    assertThatThrownBy(() -> statement.execute(change)).as(change)
                            .isInstanceOfSatisfying(SQLException.class,
                                    denied -> assertThat(denied.getSQLState()).as(change + ": " + denied.getMessage())
                                            .isEqualTo("42501"));
                } finally {
                    connection.rollback();
                }
            }
        }
    }
}
