-- Re-runnable: a second run of this file leaves the same data (but for the run-once statement).
CREATE TABLE IF NOT EXISTS accounts (id int, balance numeric, currency text, status text, fee numeric, note text);
CREATE TABLE IF NOT EXISTS users (id int, email text, name text, tags text[], settings jsonb, attrs jsonb, visits int, plan text, legacy_active text, migrated boolean);
INSERT INTO accounts SELECT 1, 10, 'EUR', 'pending', 1 WHERE NOT EXISTS (SELECT FROM accounts);
INSERT INTO users SELECT 1, 'A@B', 'x', '{}', '{}', '{}', 0, 'pro', 'yes', false WHERE NOT EXISTS (SELECT FROM users);

UPDATE users SET email = lower(email);
UPDATE users SET name = trim(name), plan = 'free' WHERE plan IS NULL;
UPDATE accounts SET status = 'done' WHERE status = 'pending';
UPDATE accounts SET balance = 0;
UPDATE users SET visits = (SELECT count(*) FROM accounts a WHERE a.id = users.id);
-- The WHERE stops matching once the update is applied.
UPDATE accounts SET balance = balance * 100, currency = 'EURc' WHERE currency = 'EUR';
UPDATE users SET tags = array_append(tags, 'beta') WHERE NOT ('beta' = ANY (tags));
UPDATE users SET name = name || ' (legacy)' WHERE name NOT LIKE '% (legacy)';
-- Merging a jsonb object sets the same keys again; removing a key removes nothing more.
UPDATE users SET settings = settings || '{"theme": "dark"}'::jsonb;
UPDATE users SET settings = settings || jsonb_build_object('lang', 'en');
UPDATE users SET attrs = attrs - 'obsolete';
UPDATE users SET attrs = attrs || '{"flag": true}';

INSERT INTO accounts (id, balance) VALUES (2, 5) ON CONFLICT DO NOTHING;
CREATE UNIQUE INDEX IF NOT EXISTS counters_key ON users (email);
INSERT INTO users (email, visits) VALUES ('a@b', 1)
ON CONFLICT (email) DO UPDATE SET visits = EXCLUDED.visits;

-- A plain type change, or a cast of the column, gives the same result again.
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12, 2);
ALTER TABLE users ALTER COLUMN visits TYPE bigint USING visits::bigint;
ALTER TABLE users ALTER COLUMN legacy_active TYPE text USING (legacy_active)::text COLLATE "C";

-- Temporary tables are made afresh by every run.
CREATE TEMP TABLE import_rows (n int);
UPDATE import_rows SET n = n + 1;

-- Guarded by a catalog test; or by a WHILE loop whose condition the update turns false.
DO $$
BEGIN
  IF EXISTS (SELECT FROM information_schema.columns
             WHERE table_name = 'accounts' AND column_name = 'fee') THEN
    UPDATE accounts SET balance = balance - fee;
    ALTER TABLE accounts DROP COLUMN fee;
  END IF;
  WHILE EXISTS (SELECT FROM users WHERE visits < 0) LOOP
    UPDATE users SET visits = visits + 1 WHERE id IN (SELECT id FROM users WHERE visits < 0 LIMIT 100);
  END LOOP;
END $$;

-- A loop over the rows still to fix: the update takes them out of the loop's query.
DO $$
DECLARE
  a record;
BEGIN
  FOR a IN SELECT id FROM accounts WHERE status = 'pending' LOOP
    UPDATE accounts SET status = 'done', balance = balance + 1 WHERE id = a.id;
  END LOOP;
END $$;

-- A table the file drops and makes again holds only this run's rows.
DROP TABLE IF EXISTS report_rows;
CREATE TABLE report_rows AS SELECT id, balance FROM accounts;
UPDATE report_rows SET balance = balance * 100;

-- sqlgate:run-once the legacy bonus is paid once
UPDATE accounts SET balance = balance + 5;
