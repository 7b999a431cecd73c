package org.advocacy.engine.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.engine.audit.Checkpoints.Anchor;
import org.advocacy.engine.audit.MerkleTree.Head;
import org.advocacy.engine.operations.OperationsLog;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.replay.Projection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's events as portable evidence: exported exactly as stored, with their hashes, the
 * signed checkpoint that covers the chain's head and the proof that it does. Another installation
 * imports the file only when the checkpoint is signed by a key that it trusts, every link of the
 * chain recomputes, and the chain's head is the one that the checkpoint signed: a file whose chain
 * was rewritten and recomputed, or cut short, no longer ends at that head.
 */
@Component
public class Evidence {

    /** The file: its format, the campaign, its events in order, and the checkpoint that anchors them. */
    public record EvidenceFile(String format, String campaignId, List<StoredEvent> events, SignedCheckpoint checkpoint,
                               InclusionProof proof) {
    }

    /** One row of the event store; payload and metadata as their stored JSON text, the hash in hex. */
    public record StoredEvent(long sequenceNumber, String eventIdentifier, String type, String timeStamp,
                              String payloadType, String payloadRevision, String payload, String metaData,
                              String hash) {
    }

    /**
     * The chain's head as a leaf of the checkpoint's tree: its index (the tree has as many leaves as
     * the statement's {@code campaigns}) and the sibling hashes from the leaf up (hex).
     */
    public record InclusionProof(int leafIndex, List<String> path) {
    }

    static final String FORMAT = "campaign-events/2";

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final List<Projection> projections;
    private final Checkpoints checkpoints;
    private final Integrity integrity;
    private final OperationsLog operations;

    Evidence(JdbcTemplate jdbc, EventStore eventStore, List<Projection> projections, Checkpoints checkpoints,
             Integrity integrity, OperationsLog operations) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.projections = projections;
        this.checkpoints = checkpoints;
        this.integrity = integrity;
        this.operations = operations;
    }

    /** The campaign's events up to the newest one that a checkpoint covers (one is made first when needed). */
    public EvidenceFile export(String campaignId) {
        Optional<Anchor> found = checkpoints.anchorNewest(campaignId);
        if (found.isEmpty()) {
            throw new NotFound("no campaign has the id " + campaignId);
        }
        Anchor anchor = found.get();
        List<StoredEvent> events = jdbc.query("""
                SELECT sequence_number, event_identifier, type, time_stamp, payload_type, payload_revision, payload,
                       meta_data, hash
                  FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ? ORDER BY sequence_number
                """, (row, index) -> new StoredEvent(row.getLong(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), text(row.getBytes(7)), text(row.getBytes(8)),
                HexFormat.of().formatHex(row.getBytes(9))), campaignId, anchor.head().sequence());
        Checkpoints.Checkpoint checkpoint = anchor.checkpoint();
        return new EvidenceFile(FORMAT, campaignId, events,
                new SignedCheckpoint(checkpoint.statement(), checkpoint.signature(), checkpoint.publicKey()),
                new InclusionProof(anchor.leafIndex(), anchor.proof().stream().map(HexFormat.of()::formatHex).toList()));
    }

    /** The evidence file as a download named after its campaign. */
    public ResponseEntity<EvidenceFile> download(String campaignId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + campaignId + "-evidence.json\"")
                .body(export(campaignId));
    }

    /**
     * Writes the file's events as they were, projects them and records the import in the operations
     * log; refuses the whole file, with nothing written, at the first check that fails.
     */
    @Transactional
    public void importFile(EvidenceFile file, String actor) {
        List<String> problems = shape(file);
        if (!problems.isEmpty()) {
            throw new BadRequest(String.join("; ", problems));
        }
        CheckpointStatement statement = checkpointOf(file);
        byte[] previous = ChainHash.FIRST_PREVIOUS;
        for (StoredEvent event : file.events()) {
            byte[] computed = ChainHash.of(previous, link(file.campaignId(), event));
            if (!HexFormat.of().formatHex(computed).equalsIgnoreCase(event.hash())) {
                throw new BadRequest("the chain does not verify at event " + event.sequenceNumber()
                        + ": its hash is not that of its content and the previous hash");
            }
            previous = computed;
        }
        StoredEvent last = file.events().get(file.events().size() - 1);
        Head head = new Head(file.campaignId(), last.sequenceNumber(), previous);
        List<byte[]> path = file.proof().path().stream().map(Evidence::hex).toList();
        if (!MerkleTree.includes(statement.root(), statement.campaigns(), file.proof().leafIndex(), head, path)) {
            throw new BadRequest("the chain ends at event " + last.sequenceNumber() + " with a head that checkpoint "
                    + statement.id() + " did not sign: the chain was rewritten and recomputed, or cut short");
        }
        Long present = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, file.campaignId());
        if (present != null && present > 0) {
            throw new BadRequest("campaign " + file.campaignId() + " is already in this event store");
        }
        for (StoredEvent event : file.events()) {
            String stored = HexFormat.of().formatHex(jdbc.queryForObject("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING hash
                    """, byte[].class, event.eventIdentifier(), file.campaignId(), event.sequenceNumber(), event.type(),
                    event.timeStamp(), event.payloadType(), event.payloadRevision(), bytes(event.payload()),
                    bytes(event.metaData())));
            if (!stored.equalsIgnoreCase(event.hash())) {
                throw new IllegalStateException("event " + event.sequenceNumber() + " hashed differently on insert");
            }
        }
        project(file.campaignId());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("events", file.events().size());
        detail.put("head", HexFormat.of().formatHex(previous));
        detail.put("checkpoint", statement.id());
        detail.put("checkpointCreated", statement.created().toString());
        detail.put("key", statement.keyId());
        detail.put("statementDigest", HexFormat.of().formatHex(statement.digest()));
        operations.record(actor, "EVIDENCE_IMPORTED", file.campaignId(), detail);
    }

    private CheckpointStatement checkpointOf(EvidenceFile file) {
        CheckpointStatement statement;
        byte[] signature;
        try {
            statement = CheckpointStatement.parse(file.checkpoint().statement());
            signature = Base64.getDecoder().decode(file.checkpoint().signature());
        } catch (IllegalArgumentException unreadable) {
            throw new BadRequest("the file's checkpoint cannot be read: " + unreadable.getMessage());
        }
        integrity.problemWith(file.checkpoint().statement(), signature, statement.keyId()).ifPresent(problem -> {
            throw new BadRequest("the file's checkpoint " + statement.id() + " is refused: " + problem);
        });
        return statement;
    }

    private static List<String> shape(EvidenceFile file) {
        List<String> problems = new ArrayList<>();
        if (!FORMAT.equals(file.format())) {
            problems.add("format must be " + FORMAT + " (a file without a signed checkpoint cannot be verified)");
        }
        if (file.campaignId() == null || file.campaignId().isBlank()) {
            problems.add("campaignId is required");
        }
        if (file.checkpoint() == null || file.checkpoint().statement() == null || file.checkpoint().signature() == null) {
            problems.add("checkpoint (statement and signature) is required");
        }
        if (file.proof() == null || file.proof().path() == null
                || file.proof().path().stream().anyMatch(hash -> hash == null || !hash.matches("[0-9a-fA-F]{64}"))) {
            problems.add("proof (leafIndex and a path of SHA-256 hashes in hex) is required");
        }
        if (file.events() == null || file.events().isEmpty()) {
            problems.add("events are required");
            return problems;
        }
        for (int index = 0; index < file.events().size(); index++) {
            StoredEvent event = file.events().get(index);
            if (event == null) {
                problems.add("event " + index + " is empty");
                break;
            }
            if (event.sequenceNumber() != index) {
                problems.add("event " + index + " has the sequence number " + event.sequenceNumber());
                break;
            }
            if (event.eventIdentifier() == null || event.timeStamp() == null || event.payloadType() == null
                    || event.payload() == null || event.hash() == null) {
                problems.add("event " + index + " lacks its identifier, time stamp, payload type, payload or hash");
                break;
            }
        }
        return problems;
    }

    private static ChainHash.Link link(String campaignId, StoredEvent event) {
        return new ChainHash.Link(campaignId, event.sequenceNumber(), event.eventIdentifier(), event.timeStamp(),
                event.payloadType(), event.payloadRevision(), bytes(event.payload()), bytes(event.metaData()));
    }

    private void project(String campaignId) {
        List<Projection.Batch> batches = projections.stream().map(projection -> projection.batch(projection.table())).toList();
        DomainEventStream events = eventStore.readEvents(campaignId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            batches.forEach(batch -> batch.apply(event));
        }
        batches.forEach(Projection.Batch::flush);
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

}
