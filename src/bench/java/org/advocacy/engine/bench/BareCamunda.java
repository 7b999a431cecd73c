package org.advocacy.engine.bench;

import java.time.Duration;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

/**
 * The step benchmark's baseline: Camunda on its own, with the app's engine settings (history
 * level, removal-time strategy, history time to live enforced, JDBC batching, id generator) on the
 * app's database and connection pool, running {@code bench/user-task-loop.bpmn}: find the open
 * task (a task query), claim it, complete it, each its own transaction, as a step through the API
 * does. It is a second engine beside the app's rather than the app's own, because the app's engine
 * records every user task of every process it runs as campaign events (CampaignRecorderPlugin
 * adds its listeners to each process it parses), so no process runs bare in it. This engine runs
 * no jobs and no history cleanup, and its deployment is deleted when it closes.
 */
final class BareCamunda implements AutoCloseable {

    private static final String USER = AppUnderTest.coordinator(1);

    private final ProcessEngine engine;
    private final String deployment;

    private BareCamunda(ProcessEngine engine) {
        this.engine = engine;
        this.deployment = engine.getRepositoryService().createDeployment().name("bench-user-task-loop")
                .addClasspathResource("bench/user-task-loop.bpmn").deploy().getId();
    }

    static BareCamunda beside(ProcessEngine app, DataSource dataSource) {
        ProcessEngineConfigurationImpl settings = (ProcessEngineConfigurationImpl) app.getProcessEngineConfiguration();
        StandaloneProcessEngineConfiguration bare = new StandaloneProcessEngineConfiguration();
        bare.setProcessEngineName("bench-bare-camunda");
        bare.setDataSource(dataSource);
        bare.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        bare.setHistory(settings.getHistory());
        bare.setHistoryRemovalTimeStrategy(settings.getHistoryRemovalTimeStrategy());
        bare.setEnforceHistoryTimeToLive(settings.isEnforceHistoryTimeToLive());
        bare.setJdbcBatchProcessing(settings.isJdbcBatchProcessing());
        bare.setIdGenerator(settings.getIdGenerator());
        bare.setMetricsEnabled(settings.isMetricsEnabled());
        bare.setDbMetricsReporterActivate(false);
        bare.setJobExecutorActivate(false);
        bare.setHistoryCleanupEnabled(false);
        return new BareCamunda(bare.buildProcessEngine());
    }

    /** Steps per second of one client: a warm-up, then {@code time} of find, claim, complete. */
    double stepsPerSecond(Duration warmUp, Duration time) {
        TaskService tasks = engine.getTaskService();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("bench-user-task-loop").getId();
        try {
            steps(tasks, instance, warmUp);
            return steps(tasks, instance, time);
        } finally {
            engine.getRuntimeService().deleteProcessInstance(instance, "benchmark done");
        }
    }

    private static double steps(TaskService tasks, String instance, Duration time) {
        long start = System.nanoTime();
        long end = start + time.toNanos();
        long count = 0;
        while (System.nanoTime() < end) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            tasks.claim(task.getId(), USER);
            tasks.complete(task.getId());
            count++;
        }
        return count / Latencies.secondsSince(start);
    }

    @Override
    public void close() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        engine.close();
    }
}
