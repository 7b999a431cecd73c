-- The Security Council's composition in years after those shipped in reference/security-council.csv,
-- loaded by an ADMIN while the app runs (POST /api/admin/reference/security-council, or the admin
-- page), so that every instance knows them without a release. A load replaces its years whole in
-- one transaction; the shipped years are never stored here. `position` keeps the file's order.
CREATE TABLE council_year (
    year      INTEGER     NOT NULL,
    position  SMALLINT    NOT NULL,
    member    TEXT        NOT NULL,
    seat      TEXT        NOT NULL CHECK (seat IN ('permanent', 'elected')),
    source    TEXT        NOT NULL,
    loaded_by TEXT        NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (year, member),
    UNIQUE (year, position)
);

-- One row, whose version every load increases first, in its own transaction: the row's lock puts
-- concurrent loads one after the other, so a version is never committed before a lower one, and
-- an instance that reads the same version as before knows that its copy of the years is current.
CREATE TABLE council_year_version (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version  BIGINT  NOT NULL
);
INSERT INTO council_year_version (version) VALUES (0);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_read_model_writer') THEN
        GRANT SELECT, INSERT, DELETE ON council_year TO campaign_read_model_writer;
        GRANT SELECT, UPDATE ON council_year_version TO campaign_read_model_writer;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_read_model_writer not granted council_year: the migrating role may not grant it';
END
$$;
