-- The first answer to a request sent with an Idempotency-Key, kept so that a client retrying after
-- a timeout gets it again instead of a second campaign or step. A row is written in the same
-- transaction as the step it answers: a step that rolled back leaves no row, so its retry runs
-- afresh, and a retry that arrives while the first attempt is still running waits on the primary
-- key until that attempt commits or rolls back. Rows are kept for a day (campaigns.idempotency.keep).
CREATE TABLE idempotent_request (
    actor       TEXT        NOT NULL,
    key         TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    result      TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, key)
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_read_model_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON idempotent_request TO campaign_read_model_writer;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_read_model_writer not granted idempotent_request: the migrating role may not grant it';
END
$$;
