package org.advocacy.engine.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * The app that the {@link AppTest} classes share, for tests that another engine than Jupiter runs
 * (jqwik's properties): Spring's test context cache hands out the same started app to any class
 * with the same configuration, whichever engine asks.
 */
public final class SharedApp {

    /**
     * Every table that a request could write: the record, the read models, Camunda's runtime, the
     * log, the Security Council years loaded.
     */
    private static final List<String> WRITTEN_TABLES = List.of("domain_event_entry", "campaign_view", "history_entry",
            "open_task", "operation_log", "act_ru_task", "act_ru_execution", "act_ru_variable", "act_hi_procinst",
            "council_year");

    @AppTest
    private static final class Anchor {
    }

    private SharedApp() {
    }

    public static ApplicationContext context() {
        return new TestContextManager(Anchor.class).getTestContext().getApplicationContext();
    }

    public static int port() {
        return Integer.parseInt(context().getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The rows of every table that a request could write, by table. */
    public static Map<String, Long> writtenRows() {
        JdbcTemplate jdbc = context().getBean(JdbcTemplate.class);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : WRITTEN_TABLES) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return rows;
    }
}
