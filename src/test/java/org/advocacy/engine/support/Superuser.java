package org.advocacy.engine.support;

import java.sql.Statement;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A connection as the embedded database's superuser, for tests that do what the app's own role
 * may not: tamper with the record as an attacker who holds the database would, or inject faults.
 * Never the app's connection.
 */
public final class Superuser {

    private Superuser() {
    }

    public static JdbcTemplate jdbc(EmbeddedPostgres postgres) {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** Runs the statements in one session with every trigger off ({@code session_replication_role = replica}). */
    public static void withTriggersOff(EmbeddedPostgres postgres, String statements) {
        jdbc(postgres).execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                try {
                    statement.execute(statements);
                } finally {
                    statement.execute("RESET session_replication_role");
                }
            }
            return null;
        });
    }
}
