package org.advocacy.engine.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.replay.Projection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's events as portable evidence: exported exactly as stored, with their hashes, and
 * imported into another database only when every link of the chain verifies there. The chain is
 * checked with the database's own hash function, the one that hashes events on insert.
 */
@Component
public class Evidence {

    /** The file: its format, the campaign, and its events in order. */
    public record EvidenceFile(String format, String campaignId, List<StoredEvent> events) {
    }

    /** One row of the event store; payload and metadata as their stored JSON text, the hash in hex. */
    public record StoredEvent(long sequenceNumber, String eventIdentifier, String type, String timeStamp,
                              String payloadType, String payloadRevision, String payload, String metaData,
                              String hash) {
    }

    static final String FORMAT = "campaign-events/1";
    private static final String FIRST_PREVIOUS = "00".repeat(32);

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final List<Projection> projections;

    Evidence(JdbcTemplate jdbc, EventStore eventStore, List<Projection> projections) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.projections = projections;
    }

    public EvidenceFile export(String campaignId) {
        List<StoredEvent> events = jdbc.query("""
                SELECT sequence_number, event_identifier, type, time_stamp, payload_type, payload_revision, payload,
                       meta_data, hash
                  FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, (row, index) -> new StoredEvent(row.getLong(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), text(row.getBytes(7)), text(row.getBytes(8)),
                HexFormat.of().formatHex(row.getBytes(9))), campaignId);
        if (events.isEmpty()) {
            throw new NotFound("no campaign has the id " + campaignId);
        }
        return new EvidenceFile(FORMAT, campaignId, events);
    }

    /** The evidence file as a download named after its campaign. */
    public org.springframework.http.ResponseEntity<EvidenceFile> download(String campaignId) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"campaign-" + campaignId + "-evidence.json\"")
                .body(export(campaignId));
    }

    /** Writes the file's events as they were and projects them; refuses the whole file at the first link that fails. */
    @Transactional
    public void importFile(EvidenceFile file) {
        List<String> problems = check(file);
        if (!problems.isEmpty()) {
            throw new BadRequest(String.join("; ", problems));
        }
        Long present = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, file.campaignId());
        if (present != null && present > 0) {
            throw new BadRequest("campaign " + file.campaignId() + " is already in this event store");
        }
        String previous = FIRST_PREVIOUS;
        for (StoredEvent event : file.events()) {
            String computed = chainHash(previous, file.campaignId(), event);
            if (!computed.equalsIgnoreCase(event.hash())) {
                throw new BadRequest("the chain does not verify at event " + event.sequenceNumber()
                        + ": its hash is not that of its content and the previous hash");
            }
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
            previous = computed;
        }
        project(file.campaignId());
    }

    private List<String> check(EvidenceFile file) {
        List<String> problems = new ArrayList<>();
        if (!FORMAT.equals(file.format())) {
            problems.add("format must be " + FORMAT);
        }
        if (file.campaignId() == null || file.campaignId().isBlank()) {
            problems.add("campaignId is required");
        }
        if (file.events() == null || file.events().isEmpty()) {
            problems.add("events are required");
            return problems;
        }
        for (int index = 0; index < file.events().size(); index++) {
            StoredEvent event = file.events().get(index);
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

    private String chainHash(String previous, String campaignId, StoredEvent event) {
        return HexFormat.of().formatHex(jdbc.queryForObject(
                "SELECT event_chain_hash(?, ?, ?, ?, ?, ?, ?, ?, ?)", byte[].class, HexFormat.of().parseHex(previous),
                campaignId, event.sequenceNumber(), event.eventIdentifier(), event.timeStamp(), event.payloadType(),
                event.payloadRevision(), bytes(event.payload()), bytes(event.metaData())));
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

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
