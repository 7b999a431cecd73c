-- Anchored checkpoints. The app signs, with a key that the database never holds, a statement
-- naming the Merkle root over the head (newest sequence and hash) of every campaign's chain. A
-- checkpoint stores the heads that changed since the one before it, each with its inclusion proof,
-- so that one campaign's head at any checkpoint is the row with the greatest checkpoint id at or
-- below it, and can be checked against that checkpoint's signed root alone.
CREATE TABLE checkpoint (
    id                   BIGINT      PRIMARY KEY,
    created_at           TIMESTAMPTZ NOT NULL,
    reason               VARCHAR(16) NOT NULL,
    requested_by         TEXT,
    campaigns            INTEGER     NOT NULL,
    events               BIGINT      NOT NULL,
    root                 BYTEA       NOT NULL,
    position_transaction xid8        NOT NULL,
    position             BIGINT      NOT NULL,
    statement            TEXT        NOT NULL,
    signature            BYTEA       NOT NULL,
    public_key           BYTEA       NOT NULL
);

CREATE TABLE checkpoint_head (
    campaign_id   VARCHAR(255) NOT NULL,
    checkpoint_id BIGINT       NOT NULL REFERENCES checkpoint (id),
    sequence      BIGINT       NOT NULL,
    hash          BYTEA        NOT NULL,
    leaf_index    INTEGER      NOT NULL,
    proof         BYTEA        NOT NULL,
    PRIMARY KEY (campaign_id, checkpoint_id)
);
CREATE INDEX checkpoint_head_checkpoint ON checkpoint_head (checkpoint_id);

-- What operators did to the record: imports of evidence, rebuilds of the read models.
CREATE TABLE operation_log (
    id        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor     TEXT        NOT NULL,
    operation VARCHAR(64) NOT NULL,
    subject   TEXT,
    detail    JSONB       NOT NULL DEFAULT '{}'
);

-- Append-only, as the event store is: triggers refuse changes, and no privilege but reading and
-- appending is granted.
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER checkpoint_head_append_only BEFORE UPDATE OR DELETE ON checkpoint_head
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER checkpoint_head_no_truncate BEFORE TRUNCATE ON checkpoint_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER operation_log_append_only BEFORE UPDATE OR DELETE ON operation_log
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER operation_log_no_truncate BEFORE TRUNCATE ON operation_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

REVOKE ALL ON checkpoint, checkpoint_head, operation_log FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_events_appender') THEN
        GRANT SELECT, INSERT ON checkpoint, checkpoint_head, operation_log TO campaign_events_appender;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_events_appender not granted the checkpoint tables: the migrating role may not grant it';
END
$$;
