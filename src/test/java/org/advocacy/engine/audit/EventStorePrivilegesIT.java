package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** An application role that appends events holds no privilege to change or remove them. */
@AppTest
class EventStorePrivilegesIT {

    /** An event of a campaign that does not exist; every transaction that appends it is rolled back. */
    private static final String APPEND = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload, meta_data)
            VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Campaign', '2026-01-01T00:00:00Z',
                    'probe', '\\x7b7d', '\\x7b7d')
            """;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void a_member_of_the_appender_role_reads_and_appends_but_may_not_update_or_delete_events() throws Exception {
        jdbc.execute("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_app_probe') THEN
                        CREATE ROLE campaign_app_probe LOGIN PASSWORD 'probe';
                    END IF;
                END $$;
                GRANT campaign_events_appender TO campaign_app_probe;
                """);
        Properties login = new Properties();
        login.setProperty("user", "campaign_app_probe");
        login.setProperty("password", "probe");
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceFirst("\\?.*$", "");
        try (Connection connection = DriverManager.getConnection(url, login)) {
            connection.setAutoCommit(false);
            for (String change : List.of("UPDATE domain_event_entry SET type = 'x'", "DELETE FROM domain_event_entry",
                    "TRUNCATE domain_event_entry")) {
                try (Statement statement = connection.createStatement()) {
                    assertThat(statement.executeUpdate(APPEND)).isEqualTo(1);
                    try (ResultSet who = statement.executeQuery("SELECT current_user")) {
                        assertThat(who.next()).isTrue();
                        assertThat(who.getString(1)).isEqualTo("campaign_app_probe");
                    }
                    assertThatThrownBy(() -> statement.executeUpdate(change)).as(change)
                            .hasMessageContaining("permission denied");
                } finally {
                    connection.rollback();
                }
            }
        }
    }
}
