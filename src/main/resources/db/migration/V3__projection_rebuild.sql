-- Rebuilding the read models: shadow tables that a rebuild fills from the event store while the
-- live tables keep serving, and the rebuild's progress, which survives a restart.
CREATE TABLE campaign_view_rebuild (LIKE campaign_view INCLUDING ALL);
CREATE TABLE history_entry_rebuild (LIKE history_entry INCLUDING ALL);

CREATE TABLE projection_rebuild (
    singleton   BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    status      VARCHAR(16) NOT NULL,
    position    BIGINT      NOT NULL,
    processed   BIGINT      NOT NULL,
    total       BIGINT      NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    error       TEXT
);
