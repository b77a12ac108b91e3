-- Each fails, or adds another constraint, when the migration runs a second time.
ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('owner', 'admin', 'member'));
ALTER TABLE members ADD CONSTRAINT members_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE members ADD CONSTRAINT members_pkey PRIMARY KEY (organization_id, user_id);
ALTER TABLE hosts ADD CONSTRAINT hosts_org_name_key UNIQUE (organization_id, name);
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
ALTER TABLE ONLY users ADD PRIMARY KEY (id);
ALTER TABLE users ADD CHECK (length(email) > 3), ADD UNIQUE (email), ADD FOREIGN KEY (org_id) REFERENCES organizations (id);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
ALTER DOMAIN email_address ADD CHECK (length(VALUE) < 255);
ALTER TABLE IF EXISTS hosts ADD CONSTRAINT hosts_name_check CHECK (name <> '') NOT VALID;

-- Dropping it first does not help ADD ... USING INDEX: the index went with the constraint.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_pkey,
  ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;

-- In DO blocks: unguarded, or guarded against the wrong error.
DO $$
BEGIN
  ALTER TABLE hosts ADD CONSTRAINT hosts_org_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id);
END $$;

DO $$
BEGIN
  -- A second ADD ... UNIQUE raises duplicate_table (its index exists), not duplicate_object.
  ALTER TABLE configs ADD CONSTRAINT configs_key_key UNIQUE (key);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- Guards that cannot find the constraint they guard.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'Orders_Total_Check') THEN
    ALTER TABLE orders ADD CONSTRAINT Orders_Total_Check CHECK (total >= 0);
  END IF;
  -- information_schema.table_constraints does not list EXCLUDE constraints.
  IF NOT EXISTS (SELECT FROM information_schema.table_constraints
                 WHERE constraint_name = 'rooms_no_overlap') THEN
    ALTER TABLE rooms ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'orders_other'
                 AND conrelid = 'orders'::regclass) THEN
    ALTER TABLE orders ADD CONSTRAINT orders_qty_check CHECK (qty > 0);
  END IF;
END $$;
-- The index gets the constraint's name on the first run: the second run builds another one.
CREATE UNIQUE INDEX IF NOT EXISTS orders_code_idx ON orders (code);
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conname = 'orders_code_key'
                 AND conrelid = 'orders'::regclass) THEN
    ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_idx;
  END IF;
END $$;
-- Dropped first and added again, then referenced by a foreign key the file makes: on a second run
-- the foreign key depends on the key's index, and the DROP fails.
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text NOT NULL, handle text);
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_email_key;
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
CREATE TABLE IF NOT EXISTS invites (email text REFERENCES accounts (email));
CREATE TABLE IF NOT EXISTS teams (id bigint NOT NULL);
ALTER TABLE teams DROP CONSTRAINT IF EXISTS teams_pkey, ADD CONSTRAINT teams_pkey PRIMARY KEY (id);
CREATE TABLE IF NOT EXISTS projects (id bigint NOT NULL);
ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_pkey;
ALTER TABLE projects ADD PRIMARY KEY (id);
DO $$ BEGIN
  ALTER TABLE team_projects ADD CONSTRAINT team_projects_team_fkey FOREIGN KEY (team_id) REFERENCES teams;
  ALTER TABLE team_projects ADD CONSTRAINT team_projects_project_fkey FOREIGN KEY (project_id) REFERENCES projects (id);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
-- The index of a constraint the file adds afterwards: PostgreSQL refuses to drop it.
DROP INDEX IF EXISTS accounts_handle_key;
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_handle_key;
ALTER TABLE accounts ADD CONSTRAINT accounts_handle_key UNIQUE (handle);
-- The index named as the constraint and built before the DROP: the second run's CREATE INDEX
-- finds the constraint's index and skips, the DROP takes it along, and the ADD finds none.
CREATE UNIQUE INDEX IF NOT EXISTS tags_name_key ON tags (name);
ALTER TABLE tags DROP CONSTRAINT IF EXISTS tags_name_key;
ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE USING INDEX tags_name_key;
-- The second test is a copy of the first: the block has just added likes_user_fkey, so the test
-- is false on every run and likes_post_fkey is never added.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'likes_user_fkey') THEN
    ALTER TABLE likes ADD CONSTRAINT likes_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'likes_user_fkey') THEN
    ALTER TABLE likes ADD CONSTRAINT likes_post_fkey FOREIGN KEY (post_id) REFERENCES posts (id) NOT VALID;
  END IF;
END $$;
-- The index named as the constraint: after the first run it is the constraint's, and a second
-- run's ADD raises 55000, which a handler for undefined_object does not catch.
DO $$ BEGIN
  ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE USING INDEX invoices_number_key;
EXCEPTION WHEN undefined_object THEN NULL;
END $$;
-- The same ADDs run for every tenant's schema by EXECUTE format(): the second run finds each
-- constraint there (ERROR: constraint "tasks_project_id_fkey" for relation "tasks" already
-- exists, 42710), and a second primary key is refused (42P16).
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('ALTER TABLE %I.tasks ADD CONSTRAINT tasks_project_id_fkey
                    FOREIGN KEY (project_id) REFERENCES %I.projects (id)', s, s);
    EXECUTE format('ALTER TABLE %I.labels ADD PRIMARY KEY (id)', s);
  END LOOP;
END
$$;
