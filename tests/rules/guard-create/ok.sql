-- Re-runnable: this file runs twice in a row without an error.
CREATE TABLE IF NOT EXISTS users (id int NOT NULL, email text);
CREATE TABLE IF NOT EXISTS audit_log (id int);
CREATE OR REPLACE FUNCTION check_user() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';

-- The usual guards: an exception handler for the error a second run raises ...
DO $$
BEGIN
  CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
EXCEPTION
  WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
  CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
EXCEPTION WHEN SQLSTATE '42710' THEN RAISE NOTICE 'email_address exists';
END $$;

DO $$ BEGIN
  CREATE TEXT SEARCH DICTIONARY simple_dict (TEMPLATE = simple);
EXCEPTION WHEN unique_violation THEN NULL;  -- what a second CREATE TEXT SEARCH ... raises
END $$;

DO $$ BEGIN
  ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
  CREATE TYPE address AS (street text, city text);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;

-- ... or a test of the catalog.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reporting') THEN
    CREATE ROLE reporting NOLOGIN;
  END IF;
  IF to_regtype('float_range') IS NULL THEN
    CREATE TYPE float_range AS RANGE (subtype = float8);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_policies WHERE policyname = 'users_own_rows') THEN
    EXECUTE 'CREATE POLICY users_own_rows ON users USING (true)';
  ELSIF false THEN
    NULL;
  END IF;
  IF EXISTS (SELECT FROM information_schema.attributes WHERE udt_name = 'address' AND attribute_name = 'zip') THEN
    NULL;
  ELSE
    ALTER TYPE address ADD ATTRIBUTE zip text;
  END IF;
END $$;

DO $$
DECLARE
  found_cast int;
BEGIN
  SELECT count(*) INTO found_cast FROM pg_cast
   WHERE castsource = 'email_address'::regtype AND casttarget = 'varchar'::regtype;
  IF found_cast = 0 THEN
    CREATE CAST (email_address AS varchar) WITH INOUT;
  END IF;
END $$;

-- Nothing can depend on a policy, a constraint trigger or an event trigger: dropping it first
-- is a guard.
DROP POLICY IF EXISTS users_admin ON users;
CREATE POLICY users_admin ON users USING (true);
DROP TRIGGER IF EXISTS users_check ON users;
CREATE CONSTRAINT TRIGGER users_check AFTER INSERT ON users DEFERRABLE FOR EACH ROW EXECUTE FUNCTION check_user();

-- OPTIONS (SET ...) changes nothing on a repeat.
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER IF NOT EXISTS archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (fetch_size '100');
ALTER SERVER archive OPTIONS (SET fetch_size '1000');
DO $$ BEGIN
  CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
EXCEPTION WHEN unique_violation THEN NULL;
END $$;
ALTER TEXT SEARCH CONFIGURATION english_unaccent ALTER MAPPING FOR hword WITH simple;

-- Attaching an index that is already attached does nothing.
CREATE TABLE IF NOT EXISTS events (y int) PARTITION BY RANGE (y);
CREATE TABLE IF NOT EXISTS events_2024 PARTITION OF events FOR VALUES FROM (2024) TO (2025);
CREATE INDEX IF NOT EXISTS events_y ON ONLY events (y);
CREATE INDEX IF NOT EXISTS events_2024_y ON events_2024 (y);
ALTER INDEX events_y ATTACH PARTITION events_2024_y;

-- Temporary, or created and dropped again in the same file.
CREATE TEMP TABLE import_rows (id int);
CREATE POLICY import_rows_all ON import_rows USING (true);
CREATE TYPE import_row AS (id int, payload text);
SELECT NULL::import_row;
DROP TYPE import_row;

-- sqlgate:run-once the auditor role is created by the first deploy only
CREATE ROLE auditor_once;

-- Guards that find what they guard, as PostgreSQL stores the names.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'orderstatus') THEN
    CREATE TYPE OrderStatus AS ENUM ('new', 'paid');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'InvoiceStatus') THEN
    CREATE TYPE "InvoiceStatus" AS ENUM ('draft', 'sent');
  END IF;
  -- CREATE USER (and CREATE ROLE ... LOGIN) makes a role pg_user lists.
  IF NOT EXISTS (SELECT FROM pg_user WHERE usename = 'app_user') THEN
    CREATE USER app_user;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_user WHERE usename = 'app_login') THEN
    CREATE ROLE app_login LOGIN;
  END IF;
  -- to_regclass() finds composite types, and folds its argument as SQL does.
  IF to_regclass('Money_Pair') IS NULL THEN
    CREATE TYPE money_pair AS (amount numeric, currency text);
  END IF;
  -- One test guards every statement of its branch: the first run made status.
  IF NOT EXISTS (SELECT FROM pg_type WHERE typname = 'status2') THEN
    CREATE TYPE status2 AS ENUM ('a');
    CREATE TYPE priority2 AS ENUM ('low');
  END IF;
  -- A name built at run time is not judged.
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('%s_reader', 'app')) THEN
    CREATE ROLE app_reader;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.typname = 'mood' AND n.nspname = 'app') THEN
    CREATE TYPE app.mood AS ENUM ('sad', 'happy');
  END IF;
END $$;
-- Made under a name the file renames away first (TypeORM's enum change), or afterwards (its
-- down): a second run finds the name free again.
ALTER TYPE "public"."users_role_enum" RENAME TO "users_role_enum_old";
CREATE TYPE "public"."users_role_enum" AS ENUM('admin', 'editor', 'viewer', 'moderator');
DROP TYPE "public"."users_role_enum_old";
CREATE TYPE "public"."tickets_state_enum_old" AS ENUM('open', 'closed');
DROP TYPE "public"."tickets_state_enum";
ALTER TYPE "public"."tickets_state_enum_old" RENAME TO "tickets_state_enum";
-- ALTER PUBLICATION ... SET (options) and SET TABLE only rewrite what the publication has.
ALTER PUBLICATION users_pub SET (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);
ALTER PUBLICATION users_pub SET TABLE users, users_archive;
-- Tests that find only the migration's object, not pg_catalog's own one of the same name.
DO $do$
BEGIN
  IF to_regoperator('+(money_amount,money_amount)') IS NULL THEN
    CREATE OPERATOR + (leftarg = money_amount, rightarg = money_amount, function = money_amount_add);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '-' AND oprleft = 'money_amount'::regtype
                 AND oprright = 'money_amount'::regtype) THEN
    CREATE OPERATOR - (leftarg = money_amount, rightarg = money_amount, function = money_amount_sub);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_cast WHERE castsource = 'money_amount'::regtype
                 AND casttarget = 'text'::regtype) THEN
    CREATE CAST (money_amount AS text) WITH FUNCTION money_amount_text(money_amount);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_type WHERE typname = 'text' AND typnamespace = 'app'::regnamespace) THEN
    CREATE TYPE app.text AS ENUM ('plain', 'rich');
  END IF;
  IF to_regprocedure('sum(money_amount)') IS NULL THEN
    CREATE AGGREGATE sum(money_amount) (sfunc = money_amount_add, stype = money_amount);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_proc WHERE proname = 'lower' AND proargtypes = '{money_amount}'::regtype[]::oidvector) THEN
    CREATE FUNCTION lower(money_amount) RETURNS text LANGUAGE sql AS $f$ SELECT lower($1.currency) $f$;
  END IF;
  -- A name pg_catalog has no operator of.
  IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '===') THEN
    CREATE OPERATOR === (leftarg = money_amount, rightarg = money_amount, function = money_amount_eq);
  END IF;
END
$do$;

-- A partition the file detaches first (to add a partition while rows sit in DEFAULT): a second
-- run detaches it again before it attaches it.
CREATE TABLE IF NOT EXISTS drained (at date NOT NULL) PARTITION BY RANGE (at);
ALTER TABLE drained DETACH PARTITION drained_default;
CREATE TABLE IF NOT EXISTS drained_2027 PARTITION OF drained FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
ALTER TABLE drained ATTACH PARTITION drained_default DEFAULT;
-- Attached and detached again: a second run finds it detached.
ALTER TABLE drained ATTACH PARTITION drained_scratch FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
ALTER TABLE drained DETACH PARTITION drained_scratch;
-- Text search objects made and dropped again, or renamed away: a second run makes them afresh.
CREATE TEXT SEARCH CONFIGURATION search_scratch (COPY = simple);
DROP TEXT SEARCH CONFIGURATION search_scratch;
ALTER TEXT SEARCH CONFIGURATION search_swap RENAME TO search_swap_old;
CREATE TEXT SEARCH CONFIGURATION search_swap (COPY = english);
DROP TEXT SEARCH CONFIGURATION search_swap_old;

-- pg_publication_tables tested with the quoted table's name as it was made ("Reactions").
CREATE TABLE IF NOT EXISTS public."Reactions" (id bigint PRIMARY KEY, emoji text);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication_tables
                 WHERE pubname = 'realtime' AND schemaname = 'public' AND tablename = 'Reactions') THEN
    ALTER PUBLICATION realtime ADD TABLE public."Reactions";
  END IF;
END
$$;
-- Templates of a tenant loop: a handler for duplicate_object around the EXECUTE, a test of
-- pg_policy, and a DROP of the policy first in the templates.
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    BEGIN
      EXECUTE format('CREATE TYPE %I.project_status AS ENUM (''open'', ''closed'')', s);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy
                   WHERE polname = 'projects_all' AND polrelid = format('%I.projects', s)::regclass) THEN
      EXECUTE format('CREATE POLICY projects_all ON %I.projects USING (true)', s);
    END IF;
    EXECUTE format('DROP POLICY IF EXISTS projects_read ON %I.projects', s);
    EXECUTE format('CREATE POLICY projects_read ON %I.projects FOR SELECT USING (true)', s);
  END LOOP;
END
$$;
