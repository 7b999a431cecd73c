package org.advocacy.engine.audit;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.advocacy.engine.audit.MerkleTree.Head;
import org.advocacy.engine.platform.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the whole record: after every {@code campaigns.checkpoints.every-events}
 * events, at least every {@code interval} while events arrive, and on demand. A checkpoint covers
 * the head of every campaign that has events, as of a place in the store's order (events of
 * transactions that have ended, as the projection rebuild reads them); it stores only the heads
 * that moved since the checkpoint before it, each with its inclusion proof, and names the previous
 * checkpoint's statement, so the checkpoints form a chain of their own. Checkpoints are made one at
 * a time across all instances (a transaction-scoped advisory lock).
 */
@Component
@EnableConfigurationProperties(Checkpoints.CheckpointProperties.class)
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final long LOCK_KEY = 7_305_183_447_113_015_809L;
    private static final byte[] NO_PREVIOUS = new byte[32];

    /**
     * @param everyEvents a checkpoint once this many events are not yet covered
     * @param interval    and once this long has passed since the last one, if any event is not covered
     */
    @ConfigurationProperties("campaigns.checkpoints")
    public record CheckpointProperties(Integer everyEvents, Duration interval) {
        public CheckpointProperties {
            everyEvents = everyEvents == null ? 500 : everyEvents;
            interval = interval == null ? Duration.ofHours(1) : interval;
        }
    }

    /** What made a checkpoint. */
    public enum Reason { EVENTS, SCHEDULE, DEMAND, EXPORT }

    /** A checkpoint as listed and downloaded: the statement, its signature (base64) and the key that made it (PEM). */
    public record Checkpoint(long id, Instant createdAt, Reason reason, String requestedBy, int campaigns, long events,
                             String root, String statement, String signature, String keyId, String publicKey) {

        CheckpointStatement parsed() {
            return CheckpointStatement.parse(statement);
        }

        byte[] signatureBytes() {
            return Base64.getDecoder().decode(signature);
        }
    }

    /** One campaign's head as a checkpoint covered it, with its proof against that checkpoint's root. */
    public record Anchor(Checkpoint checkpoint, Head head, int leafIndex, List<byte[]> proof) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Signatures signatures;
    private final CheckpointProperties properties;
    private final Clock clock = Clock.systemUTC();

    Checkpoints(JdbcTemplate jdbc, TransactionTemplate transaction, Signatures signatures,
                CheckpointProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.signatures = signatures;
        this.properties = properties;
    }

    /** A checkpoint now, whether or not anything changed since the last one: it attests that the record still stood. */
    public Checkpoint create(Reason reason, String requestedBy) {
        return transaction.execute(status -> make(reason, requestedBy, true)).orElseThrow();
    }

    /** Makes the checkpoints that are due; runs every few seconds on each instance. */
    @Scheduled(fixedDelayString = "${campaigns.checkpoints.check-every:PT10S}",
            initialDelayString = "${campaigns.checkpoints.check-every:PT10S}")
    void makeDue() {
        try {
            Optional<Checkpoint> latest = latest();
            long uncovered = uncoveredEvents(latest);
            if (uncovered == 0) {
                return;
            }
            Reason reason = uncovered >= properties.everyEvents() ? Reason.EVENTS
                    : latest.isEmpty() || latest.get().createdAt().plus(properties.interval()).isBefore(clock.instant())
                    ? Reason.SCHEDULE : null;
            if (reason != null) {
                transaction.execute(status -> make(reason, null, false));
            }
        } catch (RuntimeException failure) {
            log.error("No checkpoint could be made", failure);
        }
    }

    /** Makes sure that a checkpoint covers the campaign's newest settled event, and gives its latest anchor. */
    public Optional<Anchor> anchorNewest(String campaignId) {
        Long newest = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, campaignId);
        Optional<Anchor> anchor = latestAnchor(campaignId);
        if (newest != null && (anchor.isEmpty() || anchor.get().head().sequence() < newest)) {
            transaction.execute(status -> make(Reason.EXPORT, null, false));
            anchor = latestAnchor(campaignId);
        }
        return anchor;
    }

    public List<Checkpoint> list(int offset, int limit) {
        return jdbc.query(SELECT + " ORDER BY id DESC LIMIT ? OFFSET ?", (row, index) -> checkpoint(row), limit, offset);
    }

    /** The checkpoint as a small file to keep: what {@code POST /api/campaigns/{id}/verify} takes back. */
    public ResponseEntity<SignedCheckpoint> download(long id) {
        Checkpoint checkpoint = find(id).orElseThrow(() -> new NotFound("no checkpoint has the id " + id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"checkpoint-" + id + ".json\"")
                .body(new SignedCheckpoint(checkpoint.statement(), checkpoint.signature(), checkpoint.publicKey()));
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM checkpoint", Long.class);
        return count == null ? 0 : count;
    }

    public Optional<Checkpoint> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", (row, index) -> checkpoint(row), id).stream().findFirst();
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query(SELECT + " ORDER BY id DESC LIMIT 1", (row, index) -> checkpoint(row)).stream().findFirst();
    }

    /** Every campaign's head as checkpoint {@code id} covered it, in the tree's order. */
    public List<Head> headsAsOf(long id) {
        return jdbc.query("""
                SELECT DISTINCT ON (campaign_id) campaign_id, sequence, hash FROM checkpoint_head
                 WHERE checkpoint_id <= ? ORDER BY campaign_id, checkpoint_id DESC
                """, (row, index) -> new Head(row.getString(1), row.getLong(2), row.getBytes(3)), id)
                .stream().sorted(TREE_ORDER).toList();
    }

    /** The campaign's anchors at checkpoints up to {@code upTo}, oldest first. */
    public List<Anchor> anchors(String campaignId, long upTo) {
        return jdbc.query("SELECT h.sequence, h.hash, h.leaf_index, h.proof, " + COLUMNS
                        + " FROM checkpoint_head h JOIN checkpoint c ON c.id = h.checkpoint_id"
                        + " WHERE h.campaign_id = ? AND h.checkpoint_id <= ? ORDER BY h.checkpoint_id",
                (row, index) -> anchor(campaignId, row), campaignId, upTo);
    }

    public Optional<Anchor> latestAnchor(String campaignId) {
        return jdbc.query("SELECT h.sequence, h.hash, h.leaf_index, h.proof, " + COLUMNS
                        + " FROM checkpoint_head h JOIN checkpoint c ON c.id = h.checkpoint_id"
                        + " WHERE h.campaign_id = ? ORDER BY h.checkpoint_id DESC LIMIT 1",
                (row, index) -> anchor(campaignId, row), campaignId).stream().findFirst();
    }

    /** The campaigns' order in the tree: by campaign id. */
    static final Comparator<Head> TREE_ORDER = Comparator.comparing(Head::campaignId);

    private static final String COLUMNS = "c.id, c.created_at, c.reason, c.requested_by, c.campaigns, c.events, c.root,"
            + " c.statement, c.signature, c.public_key";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM checkpoint c";

    private Optional<Checkpoint> make(Reason reason, String requestedBy, boolean evenIfNothingMoved) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
        Optional<Checkpoint> previous = latest();
        Map<String, Head> heads = new TreeMap<>();
        long[] position = {0, 0};
        if (previous.isPresent()) {
            Checkpoint before = previous.get();
            List<Head> covered = headsAsOf(before.id());
            if (!Arrays.equals(MerkleTree.root(covered), before.parsed().root())) {
                throw new IllegalStateException("the stored heads of checkpoint " + before.id()
                        + " no longer give its signed root: the checkpoint tables were changed; no checkpoint is made"
                        + " on top of them");
            }
            covered.forEach(head -> heads.put(head.campaignId(), head));
            jdbc.query("SELECT position_transaction::text, position FROM checkpoint WHERE id = ?", row -> {
                position[0] = Long.parseLong(row.getString(1));
                position[1] = row.getLong(2);
            }, before.id());
        }
        List<Head> moved = jdbc.query("""
                SELECT e.aggregate_identifier, e.sequence_number, e.hash
                  FROM domain_event_entry e
                  JOIN (SELECT aggregate_identifier, max(sequence_number) AS newest FROM domain_event_entry
                         WHERE (transaction_id, global_index) > (?::text::xid8, ?)
                           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                         GROUP BY aggregate_identifier) m
                    ON m.aggregate_identifier = e.aggregate_identifier AND m.newest = e.sequence_number
                """, (row, index) -> new Head(row.getString(1), row.getLong(2), row.getBytes(3)),
                Long.toString(position[0]), position[1]);
        if (moved.isEmpty() && !evenIfNothingMoved) {
            return Optional.empty();
        }
        jdbc.query("""
                SELECT transaction_id::text, global_index FROM domain_event_entry
                 WHERE (transaction_id, global_index) > (?::text::xid8, ?)
                   AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                 ORDER BY transaction_id DESC, global_index DESC LIMIT 1
                """, row -> {
            position[0] = Long.parseLong(row.getString(1));
            position[1] = row.getLong(2);
        }, Long.toString(position[0]), position[1]);
        moved.forEach(head -> heads.put(head.campaignId(), head));
        List<Head> ordered = heads.values().stream().sorted(TREE_ORDER).toList();
        MerkleTree.Tree tree = new MerkleTree.Tree(ordered);
        long id = previous.map(before -> before.id() + 1).orElse(1L);
        long events = ordered.stream().mapToLong(head -> head.sequence() + 1).sum();
        SigningKey key = signatures.key();
        CheckpointStatement statement = new CheckpointStatement(id, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                ordered.size(), events, tree.root(),
                previous.map(before -> before.parsed().digest()).orElse(NO_PREVIOUS), key.id());
        byte[] signature = key.sign(statement.bytes());
        jdbc.update("""
                INSERT INTO checkpoint (id, created_at, reason, requested_by, campaigns, events, root, position_transaction,
                                        position, statement, signature, public_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::text::xid8, ?, ?, ?, ?)
                """, id, java.sql.Timestamp.from(statement.created()), reason.name(), requestedBy, ordered.size(), events,
                tree.root(), Long.toString(position[0]), position[1], statement.text(), signature,
                key.publicKey().getEncoded());
        List<Object[]> rows = new ArrayList<>();
        for (Head head : moved) {
            int index = indexOf(ordered, head.campaignId());
            rows.add(new Object[] {head.campaignId(), id, head.sequence(), head.hash(), index, join(tree.proof(index))});
        }
        jdbc.batchUpdate("INSERT INTO checkpoint_head (campaign_id, checkpoint_id, sequence, hash, leaf_index, proof)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
        log.info("Checkpoint {} ({}): {} campaigns, {} events, {} heads moved", id, reason, ordered.size(), events,
                moved.size());
        return find(id);
    }

    private long uncoveredEvents(Optional<Checkpoint> latest) {
        if (latest.isEmpty()) {
            Long all = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            return all == null ? 0 : all;
        }
        Long uncovered = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e, checkpoint c
                 WHERE c.id = ? AND (e.transaction_id, e.global_index) > (c.position_transaction, c.position)
                """, Long.class, latest.get().id());
        return uncovered == null ? 0 : uncovered;
    }

    private static int indexOf(List<Head> ordered, String campaignId) {
        int index = java.util.Collections.binarySearch(ordered, new Head(campaignId, 0, new byte[0]), TREE_ORDER);
        if (index < 0) {
            throw new IllegalStateException("campaign " + campaignId + " is not in the tree it was added to");
        }
        return index;
    }

    private static byte[] join(List<byte[]> proof) {
        ByteBuffer joined = ByteBuffer.allocate(proof.size() * 32);
        proof.forEach(joined::put);
        return joined.array();
    }

    static List<byte[]> split(byte[] proof) {
        List<byte[]> hashes = new ArrayList<>();
        for (int offset = 0; offset + 32 <= proof.length; offset += 32) {
            hashes.add(Arrays.copyOfRange(proof, offset, offset + 32));
        }
        return hashes;
    }

    private Anchor anchor(String campaignId, java.sql.ResultSet row) throws java.sql.SQLException {
        Head head = new Head(campaignId, row.getLong(1), row.getBytes(2));
        return new Anchor(checkpoint(row, 5), head, row.getInt(3), split(row.getBytes(4)));
    }

    private Checkpoint checkpoint(java.sql.ResultSet row) throws java.sql.SQLException {
        return checkpoint(row, 1);
    }

    private Checkpoint checkpoint(java.sql.ResultSet row, int first) throws java.sql.SQLException {
        byte[] publicKey = row.getBytes(first + 9);
        return new Checkpoint(row.getLong(first), row.getTimestamp(first + 1).toInstant(),
                Reason.valueOf(row.getString(first + 2)), row.getString(first + 3), row.getInt(first + 4),
                row.getLong(first + 5), HexFormat.of().formatHex(row.getBytes(first + 6)), row.getString(first + 7),
                Base64.getEncoder().encodeToString(row.getBytes(first + 8)),
                SigningKey.id(SigningKey.publicKey(publicKey)), SigningKey.pem(SigningKey.publicKey(publicKey)));
    }
}
