-- The database roles of a least-privilege installation, run once by a superuser in the app's
-- database before the app first starts (the embedded default runs it at every start; the
-- docker-compose init script and .ci/run run it; on a server of your own, run it with psql, then
-- give the two login roles passwords). Safe to run again.
--
--   campaigns_owner             owns the schema and every table; the app's migrations (Flyway)
--                               connect as it (spring.flyway.user)
--   campaigns_app               the running app (spring.datasource.username): a member of the
--                               two group roles below, and the owner of Camunda's tables, which
--                               Camunda creates and upgrades itself
--   campaign_events_appender    may read and append events, checkpoints and the operations log
--                               (granted by the migrations V5, V7, V10), never change them
--   campaign_read_model_writer  may read and write the read models, which are rebuilt from the
--                               events (granted by V11), the idempotent requests (V12) and the
--                               Security Council years that an ADMIN loaded (V14)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaigns_owner') THEN
        CREATE ROLE campaigns_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaigns_app') THEN
        CREATE ROLE campaigns_app LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_events_appender') THEN
        CREATE ROLE campaign_events_appender NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_read_model_writer') THEN
        CREATE ROLE campaign_read_model_writer NOLOGIN;
    END IF;
END
$$;
GRANT campaign_events_appender, campaign_read_model_writer TO campaigns_app;

ALTER SCHEMA public OWNER TO campaigns_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Camunda creates its tables at start-up through the app's connection.
GRANT USAGE, CREATE ON SCHEMA public TO campaigns_app;

-- A database that an earlier version set up as a superuser (the embedded default, which connected
-- as postgres, or docker-compose's first user): what that role owns in the schema moves to the
-- owner, and Camunda's tables to the app.
DO $$
DECLARE
    object RECORD;
BEGIN
    FOR object IN SELECT c.relname, c.relkind FROM pg_class c
                   WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = current_user::regrole
                     AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                        AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
    LOOP
        EXECUTE format('ALTER %s %I OWNER TO %I',
                       CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                           WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                       object.relname,
                       CASE WHEN object.relname LIKE 'act\_%' THEN 'campaigns_app' ELSE 'campaigns_owner' END);
    END LOOP;
    FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                   WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = current_user::regrole
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO campaigns_owner', object.signature);
    END LOOP;
END
$$;
