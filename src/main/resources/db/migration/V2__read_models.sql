-- Read models: projections of the event store, which can be dropped and rebuilt from it.

CREATE TABLE campaign_view (
    campaign_id   VARCHAR(64)  PRIMARY KEY,
    title         TEXT         NOT NULL,
    template      VARCHAR(255) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    stage         TEXT         NOT NULL,
    launched_at   TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    document      JSON        NOT NULL
);
CREATE INDEX campaign_view_launched ON campaign_view (launched_at DESC, campaign_id);

CREATE TABLE history_entry (
    campaign_id  VARCHAR(64)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    global_index BIGINT       NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        TEXT,
    forum        VARCHAR(255),
    payload      JSON        NOT NULL,
    metadata     JSON        NOT NULL,
    hash         BYTEA        NOT NULL,
    PRIMARY KEY (campaign_id, sequence)
);
CREATE INDEX history_entry_global ON history_entry (global_index);
