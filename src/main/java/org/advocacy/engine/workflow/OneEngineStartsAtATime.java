package org.advocacy.engine.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Instances that start at the same moment on one database take turns to build their engines.
 * Camunda's schema update is not safe to run twice at once (on an empty database both instances
 * would create its tables, and the second fails), so the engine is built, its schema created or
 * checked and the templates deployed under a PostgreSQL session advisory lock, given back once
 * the app has started; an instance that dies meanwhile gives it back with its connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OneEngineStartsAtATime extends AbstractProcessEnginePlugin implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(OneEngineStartsAtATime.class);
    private static final long LOCK_KEY = 7_305_183_447_113_015_809L;

    private final DataSource dataSource;
    private Connection holder;

    OneEngineStartsAtATime(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            holder = dataSource.getConnection();
            try (Statement statement = holder.createStatement()) {
                // waiting for another instance's start is expected: no lock_timeout for this wait
                statement.execute("SET lock_timeout = 0");
                long started = System.nanoTime();
                statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                long waitedMillis = (System.nanoTime() - started) / 1_000_000;
                if (waitedMillis > 1_000) {
                    log.info("Waited {} ms for another instance to finish starting its engine", waitedMillis);
                }
            }
        } catch (SQLException failed) {
            giveBack();
            throw new IllegalStateException("could not take the start-up lock: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent started) {
        giveBack();
    }

    private synchronized void giveBack() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock_all()");
            statement.execute("RESET lock_timeout");
        } catch (SQLException failed) {
            log.warn("Could not give back the start-up lock; it goes with its connection: {}", failed.getMessage());
        } finally {
            holder = null;
        }
    }
}
