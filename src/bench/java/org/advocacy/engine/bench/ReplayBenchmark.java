package org.advocacy.engine.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.advocacy.engine.replay.ProjectionRebuild;

/**
 * {@code replay_ratio}: events per second of a full rebuild of every projection
 * ({@link ProjectionRebuild#start()}, then {@link ProjectionRebuild#status()} polled every 10 ms
 * until DONE; the time from the call to DONE, so the final catch-up and swap count), divided by
 * rows per second of a raw ordered scan of the event table measured right before it: every column
 * of every row, {@code ORDER BY global_index}, read through a 1000-row cursor.
 */
final class ReplayBenchmark {

    /** Both rates at one store size. */
    record Replay(long events, double scanRowsPerSecond, double rebuildEventsPerSecond) {
        double ratio() {
            return rebuildEventsPerSecond / scanRowsPerSecond;
        }
    }

    private final DataSource dataSource;
    private final ProjectionRebuild rebuild;

    ReplayBenchmark(AppUnderTest app) {
        this.dataSource = app.dataSource();
        this.rebuild = app.bean(ProjectionRebuild.class);
    }

    /** The raw scan, then the rebuild, one right after the other. */
    Replay measure() throws SQLException, InterruptedException {
        double scan = scanRowsPerSecond();
        Rebuilt rebuilt = rebuild();
        return new Replay(rebuilt.processed(), scan, rebuilt.processed() / rebuilt.seconds());
    }

    /** A rebuild done: how many events it replayed and how long it took. */
    record Rebuilt(long processed, double seconds) {
    }

    /** A full rebuild, waited for. */
    Rebuilt rebuild() throws InterruptedException {
        long start = System.nanoTime();
        rebuild.start(AppUnderTest.ADMIN);
        ProjectionRebuild.Status status = rebuild.status();
        while ("RUNNING".equals(status.status())) {
            Thread.sleep(10);
            status = rebuild.status();
        }
        double seconds = Latencies.secondsSince(start);
        if (!"DONE".equals(status.status())) {
            throw new IllegalStateException("the rebuild ended " + status.status() + ": " + status.error());
        }
        return new Rebuilt(status.processed(), seconds);
    }

    private double scanRowsPerSecond() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement scan = connection.createStatement()) {
                scan.setFetchSize(1000);
                long start = System.nanoTime();
                long rows = 0;
                long bytes = 0;
                try (ResultSet row = scan.executeQuery("SELECT * FROM domain_event_entry ORDER BY global_index")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int column = 1; column <= columns; column++) {
                            Object value = row.getObject(column);
                            bytes += value instanceof byte[] data ? data.length : value == null ? 0 : 1;
                        }
                        rows++;
                    }
                }
                double seconds = Latencies.secondsSince(start);
                connection.commit();
                if (bytes == 0 && rows > 0) {
                    throw new IllegalStateException("the scan read no bytes");
                }
                return rows / seconds;
            }
        }
    }
}
