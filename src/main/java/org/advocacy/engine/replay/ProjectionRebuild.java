package org.advocacy.engine.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.advocacy.engine.operations.OperationsLog;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.replay.OrderedEvents.Entry;
import org.advocacy.engine.replay.OrderedEvents.Position;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Rebuilds every projection from the event store. The events are replayed in batches into shadow
 * tables while the live tables keep serving; each batch commits with its position, so a rebuild
 * that a restart interrupts resumes where it stopped. When the shadow tables have caught up, one
 * transaction holds off new appends, replays the last events and swaps the shadow contents into
 * the live tables. Events are read in the store's order ({@link OrderedEvents}), so a rebuild
 * that runs while steps append and roll back still sees every committed event exactly once. An
 * event that cannot be read stops the rebuild with the reason, and the live tables stay as they were. One node runs a rebuild at a time (a PostgreSQL advisory lock).
 * A rebuild whose node died holds that lock no more: another node takes it over at its next check, and
 * a new start restarts it. While it swaps, this node is not ready for traffic (readiness probe).
 */
@Component
@EnableConfigurationProperties(ProjectionRebuild.ReplayProperties.class)
public class ProjectionRebuild implements DisposableBean, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    static final long LOCK_KEY = 7_305_183_447_113_015_808L;

    /**
     * @param batchSize            events per committed batch
     * @param pauseBetweenBatches  a breather between batches to leave room for live work
     * @param checkEvery           how often each node looks for a rebuild that no node runs any more
     *                             (read by the scheduler as {@code campaigns.replay.check-every})
     */
    @ConfigurationProperties("campaigns.replay")
    public record ReplayProperties(Integer batchSize, Duration pauseBetweenBatches, Duration checkEvery) {
        public ReplayProperties {
            batchSize = batchSize == null ? 1000 : batchSize;
            pauseBetweenBatches = pauseBetweenBatches == null ? Duration.ZERO : pauseBetweenBatches;
            checkEvery = checkEvery == null ? Duration.ofSeconds(10) : checkEvery;
        }
    }

    /** Where a rebuild stands: IDLE (never run), RUNNING, DONE or FAILED (with the reason). */
    public record Status(String status, long processed, long total, long eventsPerSecond, Instant startedAt,
                         Instant finishedAt, String error) {
    }

    /** Raised when a rebuild is asked for while one runs. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a rebuild of the projections is already running");
        }
    }

    private final List<Projection> projections;
    private final OrderedEvents events;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ReplayProperties properties;
    private final OperationsLog operations;
    private final ApplicationEventPublisher availability;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;
    private volatile boolean runningHere;

    ProjectionRebuild(List<Projection> projections, OrderedEvents events, JdbcTemplate jdbc, DataSource dataSource,
                      PlatformTransactionManager transactions, ReplayProperties properties, OperationsLog operations,
                      ApplicationEventPublisher availability) {
        this.operations = operations;
        this.availability = availability;
        this.projections = List.copyOf(projections);
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /**
     * Starts a rebuild, recorded in the operations log as the actor's. A rebuild that the row says
     * is running while no node holds its lock is an orphan: it is started again from the beginning.
     */
    public Status start(String actor) {
        transaction.executeWithoutResult(status -> {
            List<String> running = jdbc.queryForList("SELECT status FROM projection_rebuild FOR UPDATE", String.class);
            // held until this transaction ends, so no node's worker begins on the row while it is reset
            boolean noNodeRebuilds = Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY));
            boolean orphaned = running.contains("RUNNING");
            if (orphaned && !noNodeRebuilds) {
                throw new AlreadyRunning();
            }
            long total = events.count();
            shadowTables().forEach(table -> jdbc.update("DELETE FROM " + table));
            jdbc.update("""
                    INSERT INTO projection_rebuild (singleton, status, position_transaction, position, processed, total,
                                                    started_at)
                    VALUES (TRUE, 'RUNNING', '0', 0, 0, ?, now())
                    ON CONFLICT (singleton) DO UPDATE SET status = 'RUNNING', position_transaction = '0', position = 0,
                        processed = 0,
                        total = excluded.total, started_at = excluded.started_at, finished_at = NULL, error = NULL
                    """, total);
            operations.record(actor, orphaned ? "REBUILD_RESTARTED" : "REBUILD_STARTED", null, Map.of("events", total));
        });
        log.info("Rebuilding the projections {} from the event store", projections.stream().map(Projection::table).toList());
        worker.submit(() -> run(false));
        return status();
    }

    public Status status() {
        List<Status> rows = jdbc.query("""
                SELECT status, processed, total, started_at, finished_at, error,
                       extract(epoch FROM coalesce(finished_at, now()) - started_at) FROM projection_rebuild
                """, (row, index) -> {
            double seconds = row.getDouble(7);
            long processed = row.getLong(2);
            return new Status(row.getString(1), processed, row.getLong(3),
                    seconds > 0 ? Math.round(processed / seconds) : processed, instant(row, 4), instant(row, 5),
                    row.getString(6));
        });
        return rows.isEmpty() ? new Status("IDLE", 0, 0, 0, null, null, null) : rows.get(0);
    }

    /** A rebuild that a stop interrupted goes on when the app is back. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        if ("RUNNING".equals(status().status())) {
            log.info("Resuming the rebuild of the projections that was interrupted");
            worker.submit(() -> run(false));
        }
    }

    /**
     * A rebuild that no node runs any more (its node died: the row says RUNNING, and nobody holds the
     * lock) is taken over by the first node that looks. One just started elsewhere is left the
     * moment its own worker needs to take the lock.
     */
    @Scheduled(fixedDelayString = "${campaigns.replay.check-every:PT10S}",
            initialDelayString = "${campaigns.replay.check-every:PT10S}")
    void takeOverOrphan() {
        if (runningHere || stopping) {
            return;
        }
        try {
            Status current = status();
            if ("RUNNING".equals(current.status())
                    && current.startedAt().isBefore(Instant.now().minus(properties.checkEvery()))) {
                worker.submit(() -> run(true));
            }
        } catch (RuntimeException unavailable) {
            log.warn("Could not look for an orphaned rebuild of the projections: {}", unavailable.getMessage());
        }
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("campaigns.rebuild.processed", this, rebuild -> rebuild.status().processed())
                .description("events replayed by the current or latest rebuild of the read models").register(meters);
        // not ".total": Prometheus keeps that ending for counters
        Gauge.builder("campaigns.rebuild.events", this, rebuild -> rebuild.status().total())
                .description("events that the current or latest rebuild replays in all").register(meters);
        Gauge.builder("campaigns.rebuild.running", this, rebuild -> "RUNNING".equals(rebuild.status().status()) ? 1 : 0)
                .description("1 while a rebuild of the read models runs").register(meters);
    }

    @Override
    public void destroy() {
        stopping = true;
        worker.shutdownNow();
    }

    /** @param takingOver whether this node found the rebuild orphaned by another */
    private void run(boolean takingOver) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                if (!takingOver) {
                    log.info("Another node is rebuilding the projections");
                }
                return;
            }
            runningHere = true;
            try {
                // it may have ended between the look and the lock: a second swap would empty the live tables
                if (!"RUNNING".equals(status().status())) {
                    return;
                }
                if (takingOver) {
                    Status orphan = status();
                    log.warn("Taking over the rebuild of the projections that no node runs any more ({} of {} events)",
                            orphan.processed(), orphan.total());
                    operations.record(Actors.ENGINE, "REBUILD_TAKEN_OVER", null,
                            Map.of("processed", orphan.processed(), "total", orphan.total()));
                }
                replayAndSwap();
            } finally {
                runningHere = false;
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (RuntimeException | SQLException failure) {
            if (stopping) {
                return;
            }
            log.error("The rebuild of the projections stopped; the live read models are unchanged", failure);
            String reason = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
            transaction.executeWithoutResult(status -> {
                jdbc.update("UPDATE projection_rebuild SET status = 'FAILED', finished_at = now(), error = ?", reason);
                operations.record(Actors.ENGINE, "REBUILD_FAILED", null, Map.of("error", reason));
            });
        }
    }

    private void replayAndSwap() {
        while (!stopping && Boolean.TRUE.equals(transaction.execute(status -> replayBatch(true)))) {
            pause();
        }
        if (stopping) {
            return;
        }
        AvailabilityChangeEvent.publish(availability, this, ReadinessState.REFUSING_TRAFFIC);
        try {
            transaction.executeWithoutResult(status -> swap());
        } finally {
            if (!stopping) {
                AvailabilityChangeEvent.publish(availability, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
        Status done = status();
        log.info("Rebuilt the projections from {} events ({} events/s)", done.processed(), done.eventsPerSecond());
    }

    /**
     * DELETE, not TRUNCATE, empties the live tables: TRUNCATE's ACCESS EXCLUSIVE lock would wait
     * for every step that has read a read model and now waits for the appends held off here (a
     * deadlock, which PostgreSQL breaks after a second by failing one of them), and would block
     * every read until the swap commits. DELETE leaves readers on the old rows until then.
     */
    private void swap() {
        events.holdOffAppends();
        while (replayBatch(false)) {
            // the rest, with appends held off until the swap commits
        }
        for (Projection projection : projections) {
            jdbc.update("DELETE FROM " + projection.table());
            jdbc.update("INSERT INTO " + projection.table() + " SELECT * FROM " + projection.table() + "_rebuild");
            jdbc.update("TRUNCATE " + projection.table() + "_rebuild");
        }
        jdbc.update("UPDATE projection_rebuild SET status = 'DONE', finished_at = now()");
        Long processed = jdbc.queryForObject("SELECT processed FROM projection_rebuild", Long.class);
        operations.record(Actors.ENGINE, "REBUILD_FINISHED", null, Map.of("events", processed == null ? 0 : processed));
    }

    /**
     * Replays the next batch into the shadow tables; true when there may be more.
     *
     * @param settledOnly whether others may be appending (see {@link OrderedEvents#after})
     */
    private boolean replayBatch(boolean settledOnly) {
        Position position = jdbc.queryForObject("SELECT position_transaction::text, position FROM projection_rebuild",
                (row, index) -> new Position(Long.parseLong(row.getString(1)), row.getLong(2)));
        List<Projection.Batch> batches = new ArrayList<>();
        projections.forEach(projection -> batches.add(projection.batch(projection.table() + "_rebuild")));
        List<Entry> entries = events.after(position, properties.batchSize(), settledOnly);
        Position last = position;
        for (Entry entry : entries) {
            DomainEventMessage<?> event = readable(entry.event(), entry.position().index());
            batches.forEach(batch -> batch.apply(event));
            last = entry.position();
        }
        batches.forEach(Projection.Batch::flush);
        jdbc.update("UPDATE projection_rebuild SET position_transaction = ?::text::xid8, position = ?,"
                + " processed = processed + ?", Long.toString(last.transaction()), last.index(), entries.size());
        return entries.size() == properties.batchSize();
    }

    private static DomainEventMessage<?> readable(DomainEventMessage<?> event, long index) {
        Object payload;
        try {
            payload = event.getPayload();
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("event " + index + " cannot be read: " + unreadable.getMessage(), unreadable);
        }
        if (payload instanceof UnknownSerializedType unknown) {
            throw new IllegalStateException("event " + index + " cannot be read: no event type is called "
                    + unknown.serializedType().getName() + " (revision " + unknown.serializedType().getRevision() + ")");
        }
        return event;
    }

    private List<String> shadowTables() {
        return projections.stream().map(projection -> projection.table() + "_rebuild").toList();
    }

    /** Takes or gives back the rebuild's session lock; pooled connections outlive a rebuild, so it is given back. */
    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + function + "(" + LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private void pause() {
        if (properties.pauseBetweenBatches().isZero()) {
            return;
        }
        try {
            Thread.sleep(properties.pauseBetweenBatches().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
