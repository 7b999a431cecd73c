package org.advocacy.engine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.advocacy.engine.campaign.CampaignCommand;
import org.advocacy.engine.campaign.CampaignCommand.ClaimTask;
import org.advocacy.engine.campaign.CampaignCommand.CloseCampaign;
import org.advocacy.engine.campaign.CampaignCommand.LaunchCampaign;
import org.advocacy.engine.campaign.CampaignCommand.OpenTask;
import org.advocacy.engine.campaign.CampaignCommand.ReleaseTask;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code append_ratio}: commands per second through the engine's command path, one command per
 * transaction (a Spring transaction around {@link CampaignCommandGateway#send}: the campaign's
 * advisory lock, Axon loading the aggregate from its events, the handler, the event appended
 * through the store's chain trigger, the subscribing projections, COMMIT), divided by raw JDBC
 * single-row INSERT + COMMIT per second of an event-shaped row of the same payload and metadata
 * size into a scratch table without triggers, created and dropped here. One client each, run one
 * right after the other on the same database, after a warm-up of the command path as long as the
 * measure.
 * <p>
 * The commands are cheap ones on campaigns of the benchmark's own, each campaign taking
 * {@link #CAMPAIGN_LENGTH} commands (about the length of the 2014 campaign) before the next one
 * starts: launch, open a task, claim and release it in turn, close. So Axon folds between 0 and 39
 * earlier events per command, as it does for a campaign under way.
 */
final class AppendBenchmark {

    static final int CAMPAIGN_LENGTH = 40;
    private static final String SCRATCH = "bench_raw_append";

    private final AppUnderTest app;
    private final Duration time;
    private final TransactionTemplate transaction;
    private final CampaignCommandGateway gateway;
    private long commandsSent;
    private String campaignId;
    private String taskId;

    AppendBenchmark(AppUnderTest app, BenchSize size) {
        this.app = app;
        this.time = size.appendTime();
        this.transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        this.gateway = app.bean(CampaignCommandGateway.class);
    }

    void run(Results results) throws SQLException {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                AppUnderTest.coordinator(1), null, List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR"))));
        try {
            long before = app.jdbc().queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                    Long.class);
            commandsPerSecond(time);
            Map<String, Object> sizes = app.jdbc().queryForMap("""
                    SELECT round(avg(octet_length(payload)))::int AS payload, round(avg(octet_length(meta_data)))::int AS meta
                      FROM domain_event_entry WHERE global_index > ?
                    """, before);
            int payloadBytes = (Integer) sizes.get("payload");
            int metaBytes = (Integer) sizes.get("meta");
            System.out.printf("append: events of %d payload and %d metadata bytes on average%n", payloadBytes, metaBytes);

            double raw = rawInsertsPerSecond(payloadBytes, metaBytes);
            double engine = commandsPerSecond(time);
            results.add("append_ratio", engine / raw, "%,.0f commands/s through the command path / %,.0f raw INSERT+COMMIT/s"
                    .formatted(engine, raw), Results.Goal.atLeast(0.5));
            results.add("append_commands_per_s", engine, "one client; campaigns of %d commands; events of %d + %d bytes"
                    .formatted(CAMPAIGN_LENGTH, payloadBytes, metaBytes));
            results.add("append_raw_commits_per_s", raw, "one JDBC connection, single-row INSERT + COMMIT, scratch table");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private double commandsPerSecond(Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long count = 0;
        while (System.nanoTime() < end) {
            CampaignCommand command = nextCommand();
            transaction.executeWithoutResult(status -> gateway.send(command, null, null));
            count++;
        }
        return count / Latencies.secondsSince(start);
    }

    /** The next command of the current campaign: launch, open, claim, release, claim, ..., close. */
    private CampaignCommand nextCommand() {
        int position = (int) (commandsSent++ % CAMPAIGN_LENGTH);
        String user = AppUnderTest.coordinator(1);
        if (position == 0) {
            campaignId = UUID.randomUUID().toString();
            taskId = UUID.randomUUID().toString();
            return new LaunchCampaign(campaignId, "coi-follow-up", "Append benchmark " + commandsSent / CAMPAIGN_LENGTH,
                    Map.of("reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17"), LocalDate.of(2014, 2, 17));
        }
        if (position == 1) {
            return new OpenTask(campaignId, taskId, "draft-hrc-resolution", "Draft the HRC resolution", "hrc-resolution",
                    "COORDINATOR", null);
        }
        if (position == CAMPAIGN_LENGTH - 1) {
            return new CloseCampaign(campaignId);
        }
        return position % 2 == 0 ? new ClaimTask(campaignId, taskId, user) : new ReleaseTask(campaignId, taskId, user, false);
    }

    /** The baseline: a short warm-up, then {@link #time} of single-row transactions. */
    private double rawInsertsPerSecond(int payloadBytes, int metaBytes) throws SQLException {
        JdbcTemplate jdbc = app.jdbc();
        jdbc.execute("DROP TABLE IF EXISTS " + SCRATCH);
        jdbc.execute("CREATE TABLE " + SCRATCH + """
                 (global_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL,
                  sequence_number BIGINT NOT NULL, type VARCHAR(255), time_stamp VARCHAR(64) NOT NULL,
                  payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), payload BYTEA NOT NULL,
                  meta_data BYTEA, hash BYTEA NOT NULL, UNIQUE (aggregate_identifier, sequence_number))
                """);
        try {
            DataSource dataSource = app.dataSource();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCRATCH
                        + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    RawRows rows = new RawRows(payloadBytes, metaBytes);
                    rows.insertFor(insert, connection, Duration.ofSeconds(1));
                    return rows.insertFor(insert, connection, time);
                }
            }
        } finally {
            jdbc.execute("DROP TABLE " + SCRATCH);
        }
    }

    /** Event-shaped rows: a new event id, campaigns of {@link #CAMPAIGN_LENGTH} rows, random bytes as payload. */
    private static final class RawRows {
        private final Random random = new Random(2014);
        private final int payloadBytes;
        private final int metaBytes;
        private long inserted;
        private String aggregate;

        RawRows(int payloadBytes, int metaBytes) {
            this.payloadBytes = payloadBytes;
            this.metaBytes = metaBytes;
        }

        double insertFor(PreparedStatement insert, Connection connection, Duration duration) throws SQLException {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long count = 0;
            while (System.nanoTime() < end) {
                long sequence = inserted++ % CAMPAIGN_LENGTH;
                if (sequence == 0) {
                    aggregate = UUID.randomUUID().toString();
                }
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregate);
                insert.setLong(3, sequence);
                insert.setString(4, "Campaign");
                insert.setString(5, Instant.now().toString());
                insert.setString(6, "org.advocacy.engine.campaign.CampaignEvent$TaskClaimed");
                insert.setString(7, null);
                insert.setBytes(8, bytes(payloadBytes));
                insert.setBytes(9, bytes(metaBytes));
                insert.setBytes(10, bytes(32));
                insert.executeUpdate();
                connection.commit();
                count++;
            }
            return count / Latencies.secondsSince(start);
        }

        private byte[] bytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
