-- Revoked the way they were granted: the role holds nothing more, and DROP ROLE succeeds.
DO $$
BEGIN
    IF to_regrole('notes_svc') IS NOT NULL THEN
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA notes_app FROM notes_svc;
        REVOKE ALL ON ALL TABLES IN SCHEMA notes_app FROM notes_svc;
    END IF;
END
$$;
DROP ROLE IF EXISTS notes_svc;
DROP TABLE IF EXISTS notes_app.notes;
DROP SCHEMA IF EXISTS notes_app;
