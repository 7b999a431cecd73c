package org.advocacy.engine.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The whole event store in one order, for readers that must see every committed event exactly once
 * while steps append and roll back around them (the projection rebuild). The order is
 * (inserting transaction, global index): no lock is shared by the appending steps, so global
 * indexes have gaps (rolled-back appends) and commit out of order; a reader therefore only takes
 * events of transactions older than the oldest transaction still running in the database, and no
 * event can later appear behind the position it reached. Events are upcast as the event store
 * upcasts them.
 */
@Component
public class OrderedEvents {

    /** A place in the order: after the event {@code index} of transaction {@code transaction}. */
    public record Position(long transaction, long index) {
        public static final Position START = new Position(0, 0);
    }

    /** An event and where it stands. */
    public record Entry(Position position, DomainEventMessage<?> event) {
    }

    private static final String COLUMNS = """
            SELECT transaction_id::text AS transaction_text, global_index, type, aggregate_identifier, sequence_number, event_identifier,
                   time_stamp, payload_type, payload_revision, payload, meta_data
              FROM domain_event_entry
            """;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    OrderedEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, List<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters);
    }

    /**
     * Up to {@code limit} events after {@code position}, in order, of transactions that have ended.
     *
     * @param settledOnly true while others may append: only transactions older than every running
     *                    one; false when the caller holds appends off (a SHARE lock on the table),
     *                    so that every appending transaction has ended
     */
    public List<Entry> after(Position position, int limit, boolean settledOnly) {
        String settled = settledOnly ? " AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())" : "";
        List<Entry> entries = new ArrayList<>();
        jdbc.query(COLUMNS + " WHERE (transaction_id, global_index) > (?::text::xid8, ?)" + settled
                + " ORDER BY transaction_id, global_index LIMIT ?", row -> {
            Position at = new Position(Long.parseLong(row.getString(1)), row.getLong(2));
            GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(row.getString(3), row.getString(4),
                    row.getLong(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                    row.getBytes(10), row.getBytes(11));
            EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters).asStream()
                    .forEach(event -> entries.add(new Entry(at, event)));
        }, Long.toString(position.transaction()), position.index(), limit);
        return entries;
    }

    /** The number of events stored. */
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Holds off every append until the caller's transaction ends, once the appends under way have
     * ended: a SHARE lock on the event store, taken by a function of the table's owner (V11), since
     * the app's own role may not lock a table in that mode.
     */
    public void holdOffAppends() {
        jdbc.queryForObject("SELECT hold_off_event_appends()", Object.class);
    }
}
