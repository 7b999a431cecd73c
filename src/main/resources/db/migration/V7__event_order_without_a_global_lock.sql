-- No lock that every campaign shares. Until now one counter row handed out the global index; the
-- first event insert of a step locked it until COMMIT, so every step of every campaign, on every
-- app instance, queued on that row. Now:
--   * global_index comes from a sequence: unique and increasing in insert order, never reused, with
--     gaps where a transaction rolled back, and not in commit order;
--   * transaction_id is the inserting transaction's id. A reader in order reads by
--     (transaction_id, global_index) and only events of transactions older than the oldest one
--     still running (pg_snapshot_xmin of its snapshot): no event can ever appear behind such a
--     reader's position, so it sees every committed event exactly once, gaps or not.
-- Events stored before this migration keep their contiguous index and get transaction 0, which
-- orders them first, in the order they had.
CREATE SEQUENCE domain_event_entry_global_index_seq AS BIGINT OWNED BY domain_event_entry.global_index;
SELECT setval('domain_event_entry_global_index_seq', greatest(last_index, 1), last_index > 0) FROM event_index_counter;

-- A constant default for the existing rows (stored once, no row is rewritten or updated).
ALTER TABLE domain_event_entry ADD COLUMN transaction_id xid8 NOT NULL DEFAULT '0';
CREATE INDEX domain_event_entry_transaction_order ON domain_event_entry (transaction_id, global_index);

CREATE OR REPLACE FUNCTION domain_event_entry_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    -- Set here, whatever the inserter sent: the order of the record is the database's, not the client's.
    NEW.global_index := nextval('domain_event_entry_global_index_seq');
    NEW.transaction_id := pg_current_xact_id();
    IF NEW.sequence_number = 0 THEN
        previous := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    ELSE
        SELECT hash INTO previous FROM domain_event_entry
         WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of % has no predecessor in the store', NEW.sequence_number, NEW.aggregate_identifier;
        END IF;
    END IF;
    NEW.hash := event_chain_hash(previous, NEW.aggregate_identifier, NEW.sequence_number, NEW.event_identifier,
                                 NEW.time_stamp, NEW.payload_type, NEW.payload_revision, NEW.payload, NEW.meta_data);
    RETURN NEW;
END
$$;

DROP TABLE event_index_counter;

REVOKE ALL ON SEQUENCE domain_event_entry_global_index_seq FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_events_appender') THEN
        GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO campaign_events_appender;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_events_appender not granted the event sequence: the migrating role may not grant it';
END
$$;

-- The rebuild's position is a place in that order.
ALTER TABLE projection_rebuild ADD COLUMN position_transaction xid8 NOT NULL DEFAULT '0';
