-- The event store: the permanent record of every campaign. Axon's JDBC storage engine writes it.

-- One row that hands out the global index. Taking it locks the row until the appending
-- transaction ends, so indexes are handed out in commit order and a rolled-back append gives its
-- number back: the global index is contiguous, and tracking readers never meet a gap.
CREATE TABLE event_index_counter (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_index BIGINT NOT NULL
);
INSERT INTO event_index_counter (singleton, last_index) VALUES (TRUE, 0);

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(64)  NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    hash                 BYTEA        NOT NULL,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(64)  NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- The hash of one event in its campaign's chain. Canonical encoding: SHA-256 over the previous
-- event's hash (32 zero bytes for the first event), then each of aggregate identifier, sequence
-- number (as decimal text), event identifier, timestamp, payload type, payload revision (empty
-- when none), payload and metadata (empty when none), each preceded by its length in bytes as a
-- 4-byte big-endian integer. Texts are UTF-8.
CREATE FUNCTION event_chain_hash(previous BYTEA, aggregate_identifier TEXT, sequence_number BIGINT,
                                 event_identifier TEXT, time_stamp TEXT, payload_type TEXT,
                                 payload_revision TEXT, payload BYTEA, meta_data BYTEA)
    RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(
        previous
        || int4send(octet_length(convert_to(aggregate_identifier, 'UTF8'))) || convert_to(aggregate_identifier, 'UTF8')
        || int4send(octet_length(convert_to(sequence_number::text, 'UTF8'))) || convert_to(sequence_number::text, 'UTF8')
        || int4send(octet_length(convert_to(event_identifier, 'UTF8'))) || convert_to(event_identifier, 'UTF8')
        || int4send(octet_length(convert_to(time_stamp, 'UTF8'))) || convert_to(time_stamp, 'UTF8')
        || int4send(octet_length(convert_to(payload_type, 'UTF8'))) || convert_to(payload_type, 'UTF8')
        || int4send(octet_length(convert_to(coalesce(payload_revision, ''), 'UTF8'))) || convert_to(coalesce(payload_revision, ''), 'UTF8')
        || int4send(octet_length(payload)) || payload
        || int4send(octet_length(coalesce(meta_data, ''::bytea))) || coalesce(meta_data, ''::bytea))
$$;

CREATE FUNCTION domain_event_entry_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    UPDATE event_index_counter SET last_index = last_index + 1 RETURNING last_index INTO NEW.global_index;
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

CREATE TRIGGER domain_event_entry_chain BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_before_insert();

-- The record is append-only: nobody, the application included, may change or remove an event.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % on % is refused', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
