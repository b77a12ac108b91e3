-- No IF NOT EXISTS form: each fails when the migration runs a second time.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE address AS (street text, city text);
CREATE TYPE float_range AS RANGE (subtype = float8);
CREATE TYPE opaque_blob;
CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE POLICY users_own_rows ON users USING (id = current_setting('app.user_id')::bigint);
CREATE ROLE reporting NOLOGIN;
CREATE USER app_reader;
CREATE CAST (email_address AS varchar) WITH INOUT;
CREATE PUBLICATION users_pub FOR TABLE users;
CREATE CONSTRAINT TRIGGER users_check AFTER INSERT ON users DEFERRABLE FOR EACH ROW EXECUTE FUNCTION check_user();
CREATE EVENT TRIGGER ddl_log ON ddl_command_end EXECUTE FUNCTION log_ddl();
CREATE OPERATOR === (leftarg = int, rightarg = int, function = int4eq);
CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
CREATE TEXT SEARCH DICTIONARY simple_dict (TEMPLATE = simple);
CREATE CONVERSION latin_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE OPERATOR FAMILY int_family USING btree;
CREATE OPERATOR CLASS int_class FOR TYPE int USING btree AS OPERATOR 1 <;
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE FOREIGN DATA WRAPPER archive_fdw;
IMPORT FOREIGN SCHEMA public LIMIT TO (users) FROM SERVER archive INTO archive;
ALTER TYPE address ADD ATTRIBUTE zip text;
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM (2024) TO (2025);
ALTER TABLE audit_copy INHERIT audit_log;
ALTER TABLE users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
ALTER EXTENSION hstore ADD FUNCTION legacy_fn();
ALTER PUBLICATION users_pub ADD TABLE users_archive;
CREATE DATABASE analytics;
ALTER OPERATOR FAMILY int_family USING btree ADD OPERATOR 1 < (int, int);
ALTER SUBSCRIPTION users_sub ADD PUBLICATION audit_pub WITH (refresh = false);
ALTER TEXT SEARCH CONFIGURATION english_unaccent ADD MAPPING FOR hword WITH unaccent, simple;
ALTER SERVER archive OPTIONS (ADD fetch_size '1000');
ALTER FOREIGN TABLE remote_users OPTIONS (schema_name 'public'), ALTER COLUMN id OPTIONS (ADD column_name 'user_id');

-- A DROP first is no guard for a type, a domain or a role.
DROP TYPE IF EXISTS status;
CREATE TYPE status AS ENUM ('active', 'closed');
DROP ROLE IF EXISTS auditor;
CREATE ROLE auditor;

-- In DO blocks: unguarded, or guarded against the wrong error, or by a test of data.
DO $$
BEGIN
  CREATE TYPE priority AS ENUM ('low', 'high');
EXCEPTION WHEN duplicate_table THEN NULL;  -- a second CREATE TYPE raises duplicate_object
END $$;

DO $$
BEGIN
  CREATE TYPE severity AS ENUM ('minor', 'major');
EXCEPTION WHEN duplicate_object THEN RAISE;  -- handled, then raised again
END $$;

DO $$
BEGIN
  IF (SELECT count(*) FROM users) > 0 THEN
    CREATE ROLE support;
  END IF;
  EXECUTE 'CREATE DOMAIN positive_int AS int CHECK (VALUE > 0)';
END $$;

-- A guard that cannot find what it guards gives the same answer on every run.
DO $$ BEGIN
  -- Unquoted, OrderStatus is stored as orderstatus.
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'OrderStatus') THEN
    CREATE TYPE OrderStatus AS ENUM ('new', 'paid');
  END IF;
  -- pg_user lists only roles that can log in; CREATE ROLE makes one that cannot.
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_user WHERE usename = 'readonly') THEN
    CREATE ROLE readonly;
  END IF;
  -- to_regclass() finds no enum type.
  IF to_regclass('ticket_state') IS NULL THEN
    CREATE TYPE ticket_state AS ENUM ('open', 'closed');
  END IF;
  -- Another name, or another schema.
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'ticket_kind') THEN
    CREATE TYPE ticket_priority AS ENUM ('low', 'high');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.typname = 'weather' AND n.nspname = 'public') THEN
    CREATE TYPE app.weather AS ENUM ('rain', 'sun');
  END IF;
  PERFORM 1 FROM pg_roles WHERE rolname = 'Reporting';
  IF NOT FOUND THEN
    CREATE ROLE Reporting NOLOGIN;
  END IF;
END $$;

-- A test that finds pg_catalog's own object of the same name is true before the first run:
-- the statement never runs.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '+') THEN
    CREATE OPERATOR + (leftarg = money_amount, rightarg = money_amount, function = money_amount_add);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast WHERE casttarget = 'text'::regtype) THEN
    CREATE CAST (money_amount AS text) WITH FUNCTION money_amount_text(money_amount);
  END IF;
  IF EXISTS (SELECT FROM pg_type WHERE typname = 'text') THEN
    NULL;
  ELSE
    CREATE TYPE app.text AS ENUM ('plain', 'rich');
  END IF;
END
$$;
DO $do$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'sum') THEN
    RETURN;
  END IF;
  CREATE AGGREGATE sum(money_amount) (sfunc = money_amount_add, stype = money_amount);
END
$do$;
DO $do$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_proc WHERE proname = 'lower') AND to_regtype('citext') IS NOT NULL THEN
    CREATE FUNCTION lower(money_amount) RETURNS text LANGUAGE sql AS $f$ SELECT lower($1.currency) $f$;
  END IF;
END
$do$;

-- information_schema.attributes finds an attribute by its own name: the test names another one.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM information_schema.attributes
                 WHERE udt_name = 'address' AND attribute_name = 'postcode') THEN
    ALTER TYPE address ADD ATTRIBUTE zip text;
  END IF;
END $$;

-- Made as a plain table first, IF NOT EXISTS: a second run skips the CREATE and finds it attached.
CREATE TABLE IF NOT EXISTS events_2025 (y int);
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM (2025) TO (2026);

-- A DROP first is no guard for a text search configuration or dictionary either: a second run's
-- DROP fails once a generated column, an index, a view or a configuration uses it.
DROP TEXT SEARCH CONFIGURATION IF EXISTS english_simple;
CREATE TEXT SEARCH CONFIGURATION english_simple (COPY = english);
DROP TEXT SEARCH DICTIONARY IF EXISTS english_stopped;
CREATE TEXT SEARCH DICTIONARY english_stopped (TEMPLATE = simple, STOPWORDS = english);

-- pg_publication_tables keeps a quoted table's name as it was made: tablename = 'reactions' never
-- finds "Reactions", so the ADD runs again ("relation "Reactions" is already member of
-- publication "realtime"").
CREATE TABLE IF NOT EXISTS public."Reactions" (id bigint PRIMARY KEY, emoji text);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication_tables
                 WHERE pubname = 'realtime' AND schemaname = 'public' AND tablename = 'reactions') THEN
    ALTER PUBLICATION realtime ADD TABLE public."Reactions";
  END IF;
END
$$;
-- The same CREATEs run for every tenant's schema by EXECUTE format(): the second run finds
-- them there (ERROR: type "project_status" already exists; policy "projects_all" for table
-- "projects" already exists).
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('CREATE TYPE %I.project_status AS ENUM (''open'', ''closed'')', s);
    EXECUTE format('CREATE POLICY projects_all ON %I.projects USING (true)', s);
  END LOOP;
END
$$;
