package org.advocacy.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.advocacy.engine.CampaignEngineApplication;
import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.Superuser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Readiness follows the database: while PostgreSQL refuses the app's role, the readiness probe says
 * 503 and liveness stays UP (restarting the app would not help); once the role may connect again,
 * the app is ready again by itself. Runs an app of its own, since it cuts that app off its database.
 */
class ReadinessWithoutDatabaseIT {

    private static final long WITHIN_MILLIS = 30_000;

    @Test
    void readiness_is_down_while_the_database_refuses_the_app_and_up_again_after_while_liveness_stays_up()
            throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CampaignEngineApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0")) {
            ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            // the probe waits for a connection as long as the pool lets it: a second here, not the default 30
            ((HikariDataSource) app.getBean(DataSource.class)).setConnectionTimeout(1000);
            JdbcTemplate superuser = Superuser.jdbc(app.getBean(EmbeddedPostgres.class));
            assertThat(awaitReadiness(api, 200)).isEqualTo(200);
            try {
                superuser.execute("ALTER ROLE campaigns_app NOLOGIN");
                superuser.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'campaigns_app'");

                assertThat(awaitReadiness(api, 503)).isEqualTo(503);
                assertThat(api.exchange(null, "GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            } finally {
                superuser.execute("ALTER ROLE campaigns_app LOGIN");
            }
            assertThat(awaitReadiness(api, 200)).isEqualTo(200);
        }
    }

    /** The readiness probe's status once it is {@code expected}, or the last one seen after a while. */
    private static int awaitReadiness(ApiClient api, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WITHIN_MILLIS;
        int status;
        do {
            status = api.exchange(null, "GET", "/actuator/health/readiness", null).statusCode();
            if (status == expected) {
                return status;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return status;
    }
}
