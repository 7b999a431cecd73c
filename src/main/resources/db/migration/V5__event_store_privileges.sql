-- Besides the triggers, privileges: nobody but the table's owner holds UPDATE, DELETE or TRUNCATE on
-- the event store. An application that connects under its own role is made a member of
-- campaign_events_appender, which may read and append events and nothing more (see README).
REVOKE ALL ON domain_event_entry, event_index_counter FROM PUBLIC;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_events_appender') THEN
        CREATE ROLE campaign_events_appender NOLOGIN;
    END IF;
    GRANT SELECT, INSERT ON domain_event_entry TO campaign_events_appender;
    GRANT SELECT, UPDATE ON event_index_counter TO campaign_events_appender;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_events_appender not set up: the migrating role may not create roles';
END
$$;
