-- Re-runnable: this file runs twice in a row without an error and adds no row twice.
CREATE TABLE IF NOT EXISTS roles (name text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS configs (key text PRIMARY KEY, value text);
CREATE TABLE IF NOT EXISTS legacy_configs (key text, value text);
CREATE TABLE IF NOT EXISTS audit_log (id serial, event text UNIQUE);

INSERT INTO roles (name) VALUES ('owner'), ('admin') ON CONFLICT DO NOTHING;
INSERT INTO configs (key, value) VALUES ('theme', 'dark')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
INSERT INTO configs AS c (key, value) VALUES ('locale', 'en')
ON CONFLICT ON CONSTRAINT configs_pkey DO UPDATE SET value = EXCLUDED.value WHERE c.value IS NULL;

-- The rows come from a SELECT that leaves out what the table already has.
INSERT INTO roles (name)
SELECT 'member' WHERE NOT EXISTS (SELECT 1 FROM roles WHERE name = 'member');
INSERT INTO configs (key, value)
SELECT l.key, l.value FROM legacy_configs l
WHERE l.key NOT IN (SELECT key FROM configs);
INSERT INTO configs (key, value)
SELECT l.key, l.value FROM legacy_configs l LEFT JOIN configs c ON c.key = l.key
WHERE c.key IS NULL;
INSERT INTO configs (key, value)
SELECT key, value FROM legacy_configs EXCEPT SELECT key, value FROM public.configs;
WITH fresh AS (
  SELECT key, value FROM legacy_configs l WHERE NOT EXISTS (SELECT FROM configs c WHERE c.key = l.key)
)
INSERT INTO configs SELECT * FROM fresh;

-- The file clears the table first.
DELETE FROM legacy_configs WHERE key LIKE 'tmp.%';
INSERT INTO legacy_configs (key, value) VALUES ('tmp.a', '1');
TRUNCATE audit_log;
INSERT INTO audit_log (event) VALUES ('seeded');

-- Session-scoped, or dropped again by the same file.
CREATE TEMP TABLE import_rows (key text);
INSERT INTO import_rows VALUES ('a');
CREATE TABLE staging_configs (key text);
INSERT INTO staging_configs VALUES ('b');
DROP TABLE staging_configs;

-- A table the file drops and makes again starts empty.
DROP TABLE IF EXISTS report_rows;
CREATE TABLE report_rows (id int PRIMARY KEY);
INSERT INTO report_rows VALUES (1), (2);

-- Guarded in a DO block: by a test of the target table, or by unique_violation.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM roles WHERE name = 'auditor') THEN
    INSERT INTO roles (name) VALUES ('auditor');
  END IF;
  BEGIN
    INSERT INTO roles (name) VALUES ('viewer');
  EXCEPTION WHEN unique_violation THEN NULL;
  END;
END $$;

-- A block whose first statement fails on a second run, caught: the INSERT is not reached then.
DO $$
BEGIN
  CREATE TYPE role_kind AS ENUM ('builtin', 'custom');
  INSERT INTO legacy_configs (key, value) VALUES ('role_kind', 'created');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- sqlgate:run-once records the first deploy
INSERT INTO legacy_configs (key, value) VALUES ('deployed', 'yes');

-- A DELETE of exactly the rows the INSERT writes, before it.
DELETE FROM settings WHERE key IN ('theme', 'locale');
INSERT INTO settings (key, value) VALUES ('theme', 'dark'), ('locale', 'en');
DELETE FROM settings WHERE key = 'tz' AND value = 'UTC';
INSERT INTO settings (key, value) VALUES ('tz', 'UTC');
-- The NOT EXISTS tests the values written, and also another column the INSERT gives.
INSERT INTO configs (key, value) SELECT 'theme', 'dark'
WHERE NOT EXISTS (SELECT 1 FROM configs WHERE key IN ('theme', 'mode') AND value = 'dark');
-- A DO block's IF NOT EXISTS that tests the row it writes, given with or without a column list.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM configs WHERE key = 'mode') THEN
    INSERT INTO configs (value, key) VALUES ('fast', 'mode');
  END IF;
END $$;
-- A branch whose test looks for the row its first INSERT writes: the second run skips all of it.
DO $$
DECLARE e bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM journal_entries WHERE memo = 'opening balance') THEN
    INSERT INTO journal_entries (memo) VALUES ('opening balance') RETURNING id INTO e;
    INSERT INTO postings (entry_id, account_id, amount) SELECT e, id, 100 FROM accounts;
  END IF;
END $$;
-- An expression index named with its expression, and a partial one with its WHERE (implied by
-- one with more conditions).
CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, email text NOT NULL, handle text, deleted_at timestamptz);
CREATE UNIQUE INDEX IF NOT EXISTS members_email_live ON members (lower(email)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS members_handle ON members (lower(handle));
INSERT INTO members (id, email) VALUES (1, 'ann@example.com')
ON CONFLICT (lower(email)) WHERE deleted_at IS NULL DO NOTHING;
INSERT INTO members (id, email) VALUES (2, 'bob@example.com')
ON CONFLICT (lower(email)) WHERE deleted_at IS NULL AND email <> '' DO NOTHING;
INSERT INTO members (id, email, handle) VALUES (3, 'cy@example.com', 'Cy')
ON CONFLICT (lower(handle)) DO UPDATE SET handle = excluded.handle;
-- Rows moved by a DELETE ... RETURNING of the same statement: a second run deletes nothing and
-- so inserts nothing (also through an inner join with another table).
WITH moved AS (
  DELETE FROM events WHERE created_at < timestamptz '2025-06-01 00:00+00' RETURNING *
)
INSERT INTO events_archive SELECT * FROM moved;
WITH moved AS (DELETE FROM events WHERE kind = 'old' RETURNING id, kind)
INSERT INTO events_archive (id, kind, label)
SELECT m.id, m.kind, k.label FROM event_kinds k JOIN moved m ON m.kind = k.kind;

-- A move in two statements: the DELETE takes every row the INSERT's SELECT found (the same
-- WHERE, a part of its ANDed conditions, or none), nothing writes the source in between: a second
-- run finds nothing to move.
INSERT INTO mail_archive (id, at) SELECT id, at FROM mail_inbox WHERE at < '2027-01-01';
DELETE FROM mail_inbox WHERE at < '2027-01-01';
INSERT INTO mail_archive SELECT i.id, i.at FROM mail_inbox i WHERE i.folder = 'spam' AND i.at < '2026-01-01';
DELETE FROM mail_inbox i WHERE i.folder = 'spam';
INSERT INTO mail_archive SELECT id, at FROM mail_drafts WHERE at < '2026-01-01' ORDER BY id LIMIT 100;
DELETE FROM mail_drafts;
INSERT INTO mail_counts (folder, n) SELECT folder, count(*) FROM mail_trash GROUP BY folder;
DELETE FROM mail_trash;
-- A table swap guarded by what it leaves: the branch adds revision to jobs_new and renames
-- jobs_new to jobs, so a second run finds the column on jobs and skips the INSERT.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = 'jobq' AND table_name = 'jobs' AND column_name = 'revision') THEN
        CREATE TABLE jobq.jobs_new (LIKE jobq.jobs INCLUDING ALL);
        ALTER TABLE jobq.jobs_new ADD COLUMN revision integer NOT NULL DEFAULT 0;
        INSERT INTO jobq.jobs_new SELECT j.*, 0 FROM jobq.jobs j;
        ALTER TABLE jobq.jobs RENAME TO jobs_old;
        ALTER TABLE jobq.jobs_new RENAME TO jobs;
        DROP TABLE jobq.jobs_old;
    END IF;
END
$$;

-- The same key twice is fine with DO NOTHING (the second row is skipped), and keys that differ
-- (in case, in the second column) are different rows for DO UPDATE.
CREATE TABLE IF NOT EXISTS country_names (code text PRIMARY KEY, name text NOT NULL);
INSERT INTO country_names (code, name) VALUES ('DE', 'Germany'), ('DE', 'Deutschland')
ON CONFLICT (code) DO NOTHING;
INSERT INTO country_names (code, name) VALUES ('de', 'German'), ('DE', 'Germany')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name;
CREATE TABLE IF NOT EXISTS country_rates (
    code text NOT NULL,
    day date NOT NULL,
    rate numeric NOT NULL,
    UNIQUE (code, day)
);
INSERT INTO country_rates (code, day, rate) VALUES ('DE', '2025-01-01', 1), ('DE', '2025-01-02', 2)
ON CONFLICT (code, day) DO UPDATE SET rate = EXCLUDED.rate;

-- ON CONSTRAINT names the table's unique constraint, not one of its CHECK or FOREIGN KEY
-- constraints.
CREATE TABLE IF NOT EXISTS depots (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO depots (id, name) VALUES (1, 'main') ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS depot_stock (
    depot_id bigint NOT NULL CONSTRAINT depot_stock_depot_fk REFERENCES depots,
    sku text NOT NULL,
    quantity integer NOT NULL CONSTRAINT depot_stock_quantity_check CHECK (quantity >= 0),
    CONSTRAINT depot_stock_depot_sku_key UNIQUE (depot_id, sku)
);
INSERT INTO depot_stock (depot_id, sku, quantity) VALUES (1, 'A-3', 0)
ON CONFLICT ON CONSTRAINT depot_stock_depot_sku_key DO UPDATE SET quantity = EXCLUDED.quantity;

-- A unique index follows a RENAME COLUMN of what it covers (\d: "UNIQUE, btree (slug)"): ON
-- CONFLICT names the column, its expression or its partial predicate by the new name.
CREATE TABLE IF NOT EXISTS tiers (id bigint PRIMARY KEY, code text NOT NULL, name text NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS tiers_code_key ON tiers (code);
ALTER TABLE tiers RENAME COLUMN code TO slug;
INSERT INTO tiers (id, slug, name) VALUES (1, 'free', 'Free'), (2, 'team', 'Team')
ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name;
CREATE TABLE IF NOT EXISTS staff (id bigint PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS staff_email_lower_idx ON staff (lower(email));
ALTER TABLE staff RENAME COLUMN email TO email_address;
INSERT INTO staff (id, email_address) VALUES (1, 'admin@example.com')
ON CONFLICT (lower(email_address)) DO NOTHING;
CREATE TABLE IF NOT EXISTS access_keys (
    id bigint PRIMARY KEY,
    key_hash bytea NOT NULL,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS access_keys_active_idx ON access_keys (key_hash)
WHERE revoked_at IS NULL;
ALTER TABLE access_keys RENAME COLUMN revoked_at TO revoked_on;
INSERT INTO access_keys (id, key_hash) VALUES (1, '\x00')
ON CONFLICT (key_hash) WHERE revoked_on IS NULL DO NOTHING;
-- A boolean column's test in another spelling: PostgreSQL's planner folds b = true, 't' = b and
-- b <> false to b, and b = false, b = 'f' and b <> true to NOT b, in the index's WHERE and in ON
-- CONFLICT's, before it matches them: PostgreSQL 15 infers each index (INSERT 0 1, then 0 0).
CREATE TABLE IF NOT EXISTS promo_codes (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  archived boolean NOT NULL DEFAULT false,
  percent_off integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS promo_codes_code_active_key ON promo_codes (code) WHERE active;
CREATE UNIQUE INDEX IF NOT EXISTS promo_codes_lower_code_live_key ON promo_codes (lower(code)) WHERE archived = false;
INSERT INTO promo_codes (code, percent_off) VALUES ('WELCOME10', 10)
ON CONFLICT (code) WHERE active = true DO UPDATE SET percent_off = EXCLUDED.percent_off;
INSERT INTO promo_codes (code, percent_off) VALUES ('Spring25', 25)
ON CONFLICT (lower(code)) WHERE NOT archived DO NOTHING;
INSERT INTO promo_codes (code, percent_off) VALUES ('Summer5', 5)
ON CONFLICT (code) WHERE 't' = active DO NOTHING;
INSERT INTO promo_codes (code, percent_off) VALUES ('Autumn5', 5)
ON CONFLICT (lower(code)) WHERE archived <> true DO NOTHING;
CREATE TABLE IF NOT EXISTS gift_cards (
  id bigint PRIMARY KEY,
  code text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  archived boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX IF NOT EXISTS gift_cards_code_active_key ON gift_cards (code) WHERE active = true;
CREATE UNIQUE INDEX IF NOT EXISTS gift_cards_lower_code_live_key ON gift_cards (lower(code)) WHERE NOT archived;
INSERT INTO gift_cards (id, code) VALUES (1, 'G1') ON CONFLICT (code) WHERE active DO NOTHING;
INSERT INTO gift_cards (id, code) VALUES (2, 'G2') ON CONFLICT (lower(code)) WHERE archived = 'f' DO NOTHING;
