COMMENT ON TABLE users IS 'people who sign in';
ALTER TABLE users SET (fillfactor = 80, autovacuum_enabled = false);
ALTER TABLE accounts SET UNLOGGED;
ALTER TABLE users ALTER COLUMN email SET STATISTICS 1000;
ALTER FUNCTION plans_audit() SECURITY DEFINER SET search_path = public;
-- switched off around a data fix and on again: nothing left to undo
ALTER TABLE plans DISABLE TRIGGER USER;
ALTER TABLE plans ADD COLUMN IF NOT EXISTS slug text;
UPDATE plans SET slug = lower(code) WHERE slug IS NULL;
ALTER TABLE plans ENABLE TRIGGER USER;
-- no trigger on users: nothing is switched
ALTER TABLE users DISABLE TRIGGER ALL;
-- nothing set it before: RESET changes nothing
ALTER TABLE accounts RESET (fillfactor);
-- moves the counter, which no down sets back
ALTER SEQUENCE users_id_seq RESTART WITH 1000;
-- users.email is no generated column: IF EXISTS makes this change nothing
ALTER TABLE users ALTER COLUMN email DROP EXPRESSION IF EXISTS;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO app_reader, app_writer;
-- app_auditor held INSERT on users (20251216000000): granted back by the down
REVOKE INSERT ON users FROM app_auditor;
-- nobody gave app_stranger anything: nothing to give back
REVOKE ALL ON users FROM app_stranger;
-- PUBLIC may run every new function: the down gives it back
REVOKE EXECUTE ON FUNCTION plans_audit() FROM PUBLIC;
-- the role running the migrations made it and owns it already
ALTER TABLE users OWNER TO CURRENT_USER;
-- the grant option only: not judged
REVOKE GRANT OPTION FOR SELECT ON users FROM app_reader;
