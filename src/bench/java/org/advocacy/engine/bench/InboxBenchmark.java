package org.advocacy.engine.bench;

import java.util.Set;

import org.advocacy.engine.tasks.OpenTasks;

/**
 * {@code inbox_p99_ms}: p50 and p99 of a coordinator's inbox, in process: {@link OpenTasks#list}
 * with the query that the {@code /inbox} page makes for a coordinator (assigned to them or
 * unclaimed of their role, no filter, the page's limit of 200), and the whole set of queries that
 * the page runs for it (also {@code count}, {@code campaigns} and {@code filterValues}); and
 * {@code GET /api/tasks} over HTTP when the app has it.
 */
final class InboxBenchmark {

    /** The /inbox page's limit (web/TaskPages). */
    static final int INBOX_SIZE = 200;

    private final OpenTasks openTasks;
    private final Api coordinator;
    private final OpenTasks.Query query;

    InboxBenchmark(AppUnderTest app) {
        this.openTasks = app.bean(OpenTasks.class);
        this.coordinator = app.api(AppUnderTest.coordinator(1));
        this.query = new OpenTasks.Query(AppUnderTest.coordinator(1), Set.of("COORDINATOR"), false, null, null, null, 0,
                INBOX_SIZE);
    }

    long matching() {
        return openTasks.count(query);
    }

    Latencies list(int requests) {
        return Latencies.of(requests, () -> openTasks.list(query));
    }

    Latencies page(int requests) {
        return Latencies.of(requests, () -> {
            openTasks.list(query);
            openTasks.count(query);
            openTasks.campaigns(query);
            openTasks.filterValues(query);
        });
    }

    /** Whether GET /api/tasks answers a coordinator. */
    boolean apiPresent() {
        return coordinator.status("/api/tasks") == 200;
    }

    Latencies api(int requests) {
        return Latencies.of(requests, () -> coordinator.get("/api/tasks"));
    }
}
