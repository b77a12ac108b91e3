-- Re-runnable: this file runs twice in a row without an error.
CREATE TABLE IF NOT EXISTS users (id bigint NOT NULL, email text, org_id bigint);
CREATE TABLE IF NOT EXISTS organizations (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS members (organization_id bigint NOT NULL, user_id bigint NOT NULL, role text);
CREATE TABLE IF NOT EXISTS hosts (id bigint, organization_id bigint, name text);
CREATE TABLE IF NOT EXISTS configs (key text, value text);
CREATE UNIQUE INDEX IF NOT EXISTS users_id_key ON users (id);

-- Dropped first in the same file (nothing can depend on a CHECK or a FOREIGN KEY).
ALTER TABLE members DROP CONSTRAINT IF EXISTS members_role_check;
ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('owner', 'admin', 'member'));
ALTER TABLE members
  DROP CONSTRAINT IF EXISTS members_user_fkey,
  ADD CONSTRAINT members_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE members DROP CONSTRAINT IF EXISTS members_pkey;
ALTER TABLE members ADD CONSTRAINT members_pkey PRIMARY KEY (organization_id, user_id);
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_pkey;
ALTER TABLE users ADD PRIMARY KEY (id);
ALTER TABLE public.hosts DROP CONSTRAINT IF EXISTS hosts_name_check;
ALTER TABLE hosts ADD CONSTRAINT hosts_name_check CHECK (name <> '') NOT VALID;
ALTER TABLE hosts VALIDATE CONSTRAINT hosts_name_check;

-- Guarded in DO blocks: a catalog test, or the error a second run raises.
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint
     WHERE conname = 'hosts_org_name_key' AND conrelid = 'hosts'::regclass
  ) THEN
    ALTER TABLE hosts ADD CONSTRAINT hosts_org_name_key UNIQUE (organization_id, name);
  END IF;
  IF NOT EXISTS (SELECT FROM information_schema.table_constraints
                 WHERE table_name = 'users' AND constraint_type = 'CHECK'
                   AND constraint_name = 'users_email_check') THEN
    ALTER TABLE users ADD CHECK (length(email) > 3);  -- unnamed, but tested for
  END IF;
END $$;

DO $$
BEGIN
  ALTER TABLE hosts ADD CONSTRAINT hosts_org_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$
BEGIN
  ALTER TABLE configs ADD CONSTRAINT configs_key_key UNIQUE (key);
EXCEPTION WHEN duplicate_table THEN NULL;
END $$;

DO $$ BEGIN
  ALTER TABLE configs ADD PRIMARY KEY (key);
EXCEPTION WHEN invalid_table_definition THEN NULL;  -- "multiple primary keys"
END $$;

-- A table the file drops and makes again has none of its old constraints.
DROP TABLE IF EXISTS report_rows;
CREATE TABLE report_rows (id int, total int);
ALTER TABLE report_rows ADD CONSTRAINT report_rows_total_check CHECK (total >= 0);
ALTER TABLE report_rows ADD PRIMARY KEY (id);

-- Temporary tables are made afresh by every run.
CREATE TEMP TABLE import_rows (id int);
ALTER TABLE import_rows ADD CONSTRAINT import_rows_id_check CHECK (id > 0);

-- sqlgate:run-once the legacy key moves to the new index once
ALTER TABLE users ADD CONSTRAINT users_id_key_c UNIQUE USING INDEX users_id_key;

-- Guards that find the constraint: its stored name, a UNIQUE constraint's index, an EXCLUDE
-- constraint in pg_constraint.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'orders_total_check') THEN
    ALTER TABLE orders ADD CONSTRAINT Orders_Total_Check CHECK (total >= 0);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_indexes WHERE indexname = 'orders_number_key') THEN
    ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'rooms_no_overlap') THEN
    ALTER TABLE rooms ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&);
  END IF;
  IF NOT EXISTS (SELECT FROM information_schema.table_constraints
                 WHERE table_name = 'orders' AND constraint_name = 'orders_qty_check') THEN
    ALTER TABLE orders ADD CONSTRAINT orders_qty_check CHECK (qty > 0);
  END IF;
END $$;

-- Dropped first under the name PostgreSQL gives it (orders_note_check), or with its index
-- built again after the drop: both run again cleanly (checked on PostgreSQL 15).
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_note_check;
ALTER TABLE orders ADD CHECK (note <> '');
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_ref_key;
CREATE UNIQUE INDEX IF NOT EXISTS orders_ref_idx ON orders (ref);
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_idx;

-- Dropped first and added again, but on a second run nothing references it when it is dropped:
-- the referencing table goes first, CASCADE takes the foreign key (made again after), or the
-- foreign key may be tied to another key on the same columns, made first.
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, code text, ref text, slug text, handle text);
DROP TABLE IF EXISTS referrals;
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_code_key;
ALTER TABLE accounts ADD CONSTRAINT accounts_code_key UNIQUE (code);
CREATE TABLE referrals (code text REFERENCES accounts (code));
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_ref_key CASCADE;
ALTER TABLE accounts ADD CONSTRAINT accounts_ref_key UNIQUE (ref);
CREATE TABLE IF NOT EXISTS vouchers (ref text);
ALTER TABLE vouchers
  DROP CONSTRAINT IF EXISTS vouchers_ref_fkey,
  ADD CONSTRAINT vouchers_ref_fkey FOREIGN KEY (ref) REFERENCES accounts (ref);
CREATE UNIQUE INDEX IF NOT EXISTS accounts_slug_idx ON accounts (slug);
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_slug_key;
ALTER TABLE accounts ADD CONSTRAINT accounts_slug_key UNIQUE (slug);
CREATE TABLE IF NOT EXISTS pages (slug text REFERENCES accounts (slug));
-- Added only while missing, the DROP INDEX with it: what a foreign key may depend on stays.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conname = 'accounts_handle_key'
                 AND conrelid = 'accounts'::regclass) THEN
    DROP INDEX IF EXISTS accounts_handle_key;
    ALTER TABLE accounts ADD CONSTRAINT accounts_handle_key UNIQUE (handle);
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS mentions (handle text REFERENCES accounts (handle));
-- The index built after the DROP: made anew on every run.
ALTER TABLE tags DROP CONSTRAINT IF EXISTS tags_code_key;
CREATE UNIQUE INDEX IF NOT EXISTS tags_code_key ON tags (code);
ALTER TABLE tags ADD CONSTRAINT tags_code_key UNIQUE USING INDEX tags_code_key;
-- A test of the last constraint the branch adds: the first run adds both, a second finds it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'likes_post_fkey') THEN
    ALTER TABLE likes ADD CONSTRAINT likes_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
    ALTER TABLE likes ADD CONSTRAINT likes_post_fkey FOREIGN KEY (post_id) REFERENCES posts (id) NOT VALID;
  END IF;
END $$;
-- An index PostgreSQL cannot adopt makes the first run fail (require-constraint-using-index says
-- so): there is no second run to guard.
CREATE UNIQUE INDEX IF NOT EXISTS coupons_live_code_idx ON coupons (code) WHERE NOT revoked;
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE USING INDEX coupons_live_code_idx;
-- The handler catches what a second run raises once the index is the constraint's (55000).
DO $$ BEGIN
  ALTER TABLE invoices ADD CONSTRAINT invoices_serial_key UNIQUE USING INDEX invoices_serial_key;
EXCEPTION WHEN object_not_in_prerequisite_state THEN NULL;
END $$;
-- Templates of a tenant loop: the constraint dropped first in the template, a test of
-- pg_constraint around the EXECUTE, a handler that catches duplicate_object, and a block marked
-- run-once.
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('ALTER TABLE %I.tasks DROP CONSTRAINT IF EXISTS tasks_title_check,
                    ADD CONSTRAINT tasks_title_check CHECK (title <> '''')', s);
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                   WHERE conname = 'tasks_project_id_fkey'
                     AND conrelid = format('%I.tasks', s)::regclass) THEN
      EXECUTE format('ALTER TABLE %I.tasks ADD CONSTRAINT tasks_project_id_fkey
                      FOREIGN KEY (project_id) REFERENCES %I.projects (id)', s, s);
    END IF;
    BEGIN
      EXECUTE format('ALTER TABLE %I.tasks ADD CONSTRAINT tasks_owner_fkey
                      FOREIGN KEY (owner_id) REFERENCES %I.users (id)', s, s);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
  END LOOP;
END
$$;
-- sqlgate:run-once tenants upgraded once, by hand if it has to run again
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('ALTER TABLE %I.tasks ADD CONSTRAINT tasks_due_check CHECK (due > 0)', s);
  END LOOP;
END
$$;
