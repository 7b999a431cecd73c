-- Least privilege for the running app. The migrations run as the owning role; the app connects as
-- a role that is a member of campaign_events_appender (read and append the record: V5, V7, V10)
-- and campaign_read_model_writer (the read models, rebuilt from the record). It cannot UPDATE,
-- DELETE, TRUNCATE, ALTER or DROP the event store, nor disable its triggers: only the owner can,
-- and the owner is not the app. Where the migrating role may not create or grant roles, the
-- grants are skipped with a notice (an installation where the app owns its tables has no use
-- for them).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_read_model_writer') THEN
        CREATE ROLE campaign_read_model_writer NOLOGIN;
    END IF;
    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE
       ON campaign_view, campaign_view_rebuild, history_entry, history_entry_rebuild, open_task, open_task_rebuild,
          projection_rebuild, snapshot_event_entry
       TO campaign_read_model_writer;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_read_model_writer not set up: the migrating role may not create or grant roles';
END
$$;

-- The rebuild holds off appends while it swaps the read models in: a SHARE lock on the event
-- store, which PostgreSQL grants only to a role that may also change the table. This function
-- takes it on the owner's behalf, and does nothing else; the lock lasts until the caller's
-- transaction ends.
CREATE FUNCTION hold_off_event_appends() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    LOCK TABLE public.domain_event_entry IN SHARE MODE;
END
$$;
REVOKE ALL ON FUNCTION hold_off_event_appends() FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_events_appender') THEN
        GRANT EXECUTE ON FUNCTION hold_off_event_appends() TO campaign_events_appender;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'campaign_events_appender not granted hold_off_event_appends: the migrating role may not grant it';
END
$$;

-- The app may create objects in the schema (Camunda creates its tables there), so nothing that
-- hashes the record may be resolved by name at run time to something the app made, not even an
-- operator (an app-made public.=(varchar, varchar) would be an exact match where pg_catalog's is
-- not): the insert trigger searches pg_catalog alone, names our own objects with their schema,
-- and calls the chain function with exactly its own argument types. The chain function runs
-- under the trigger's search path.
CREATE OR REPLACE FUNCTION domain_event_entry_before_insert() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    previous BYTEA;
BEGIN
    NEW.global_index := nextval('public.domain_event_entry_global_index_seq'::regclass);
    NEW.transaction_id := pg_current_xact_id();
    IF NEW.sequence_number = 0 THEN
        previous := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    ELSE
        SELECT e.hash INTO previous FROM public.domain_event_entry e
         WHERE e.aggregate_identifier = NEW.aggregate_identifier AND e.sequence_number = NEW.sequence_number - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of % has no predecessor in the store', NEW.sequence_number, NEW.aggregate_identifier;
        END IF;
    END IF;
    NEW.hash := public.event_chain_hash(previous::bytea, NEW.aggregate_identifier::text, NEW.sequence_number::bigint,
                                        NEW.event_identifier::text, NEW.time_stamp::text, NEW.payload_type::text,
                                        NEW.payload_revision::text, NEW.payload::bytea, NEW.meta_data::bytea);
    RETURN NEW;
END
$$;
