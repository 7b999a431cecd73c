package org.advocacy.engine.replay;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A read model built from the campaign events. It can write into its live table (event by
 * event, in the transaction that appends the event) or into a shadow table with the same columns
 * (in batches, while the projections are rebuilt from the event store).
 */
public interface Projection {

    /** The live table; its shadow for rebuilds is this name with {@code _rebuild} appended. */
    String table();

    /** A unit of writes into {@code table}: events are applied in order, then flushed once. */
    Batch batch(String table);

    interface Batch {
        void apply(DomainEventMessage<?> event);

        void flush();
    }

    /** Applies one event to the live table: the live event handlers' path. */
    default void applyLive(DomainEventMessage<?> event) {
        Batch batch = batch(table());
        batch.apply(event);
        batch.flush();
    }
}
