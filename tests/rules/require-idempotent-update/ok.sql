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
UPDATE users SET tags = tags || '{clearance}'::text[] WHERE NOT tags @> '{clearance}';
UPDATE users SET tags = array_append(tags, 'sale') WHERE 'sale' <> ALL (tags);
UPDATE users SET tags = array_cat(tags, '{a,b}') WHERE NOT tags && '{a,b}';
-- Removing an element removes nothing more.
UPDATE users SET tags = array_remove(tags, 'sale') WHERE 'sale' = ANY (tags);
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

-- Functions whose second application changes nothing (round, trim, lower, abs, ceil, floor),
-- casts, and a comparison with a true value, which a boolean makes again.
CREATE TABLE IF NOT EXISTS items (id int, price numeric, code text, title text, weight numeric, stock numeric, low numeric, legacy text, tag text, slug text);
INSERT INTO items SELECT 1, 2.6, ' AbC ', 'xxHixx', -3.75, 4.2, 7.9, 'yes', ' Beta ', ' Hello ' WHERE NOT EXISTS (SELECT FROM items);
ALTER TABLE items ALTER COLUMN price TYPE integer USING round(price);
ALTER TABLE items ALTER COLUMN code TYPE varchar(200) USING lower(trim(code));
ALTER TABLE items ALTER COLUMN title TYPE text USING btrim(title, 'x');
ALTER TABLE items ALTER COLUMN weight TYPE numeric(10, 1) USING abs(round(weight::numeric, 1));
ALTER TABLE items ALTER COLUMN stock TYPE bigint USING ceil(stock);
ALTER TABLE items ALTER COLUMN low TYPE bigint USING floor(low);
ALTER TABLE items ALTER COLUMN legacy TYPE boolean USING legacy = 'yes';
UPDATE items SET tag = upper(tag), slug = lower(trim(slug));

-- A CASE that leaves the values it sets as they are; a copy of a column the statement keeps.
CREATE TABLE IF NOT EXISTS tickets (id int, status text, currency text, migrated boolean, legacy boolean, plan text, legacy_plan text, settings jsonb, visits int, label text);
INSERT INTO tickets SELECT 1, 'pending', NULL, NULL, true, NULL, 'gold', '{"lang": "EN"}', 3, 'a' WHERE NOT EXISTS (SELECT FROM tickets);
UPDATE tickets SET status = CASE WHEN status = 'pending' THEN 'open' ELSE status END;
UPDATE tickets SET currency = CASE WHEN currency IS NULL THEN 'EUR' ELSE currency END;
UPDATE tickets SET migrated = CASE WHEN legacy THEN true ELSE false END;
UPDATE tickets SET plan = legacy_plan;
UPDATE tickets SET settings = jsonb_set(settings, '{lang}', to_jsonb(lower(settings->>'lang')));
UPDATE tickets SET settings = jsonb_set(settings, '{theme}', '"dark"');
UPDATE tickets SET visits = (SELECT max(visits) FROM tickets);
UPDATE tickets SET label = format('%s', label);

-- A WHERE that the updated rows fail.
CREATE TABLE IF NOT EXISTS wallets (id int, balance numeric, fee numeric, total numeric, state text, enabled boolean, plan text, legacy_plan text, a text, b text);
INSERT INTO wallets SELECT 1, 5, NULL, 1, 'open', true, NULL, 'gold', 'x', 'y' WHERE NOT EXISTS (SELECT FROM wallets);
UPDATE wallets SET balance = balance * 100 WHERE balance = 5;
UPDATE wallets SET fee = coalesce(fee, 0) + 1 WHERE fee IS NULL;
UPDATE wallets SET total = total + 1, state = 'closed' WHERE state <> 'closed';
UPDATE wallets SET enabled = NOT enabled WHERE enabled;
UPDATE wallets SET plan = legacy_plan, legacy_plan = NULL WHERE legacy_plan IS NOT NULL;
UPDATE wallets SET a = b, b = a WHERE a < b;
UPDATE wallets SET plan = coalesce(plan, legacy_plan), legacy_plan = NULL;

-- sqlgate:run-once the legacy bonus is paid once
UPDATE accounts SET balance = balance + 5;

-- The next UPDATE of the same transaction marks every row the first one changed (its WHERE is
-- among the first one's conditions, on columns the first one does not set) with a value the
-- first one's WHERE rejects: a second run updates 0 rows, then 0 rows (PostgreSQL 15).
UPDATE products SET price = round(price * 1.10, 2) WHERE price_version = 1;
UPDATE products SET price_version = 2 WHERE price_version = 1;
UPDATE products SET price = round(price / 1.10, 2) WHERE price_version = 2 AND category = 'food';
UPDATE products SET price_version = 1, note = 'reverted' WHERE category = 'food' AND price_version = 2;
DO $$
BEGIN
  UPDATE products SET price = round(price * 1.05, 2) WHERE price_version = 3;
  UPDATE products SET price_version = 4 WHERE price_version = 3;
END
$$;
-- A range built again from its own bounds: a daterange's bounded ranges have lower < upper, and
-- their midnights stay apart, so no range the first run made is empty and a second run builds
-- each one again unchanged (PostgreSQL 15). There is no cast between range types.
CREATE TABLE IF NOT EXISTS billing_periods (id bigint PRIMARY KEY, days daterange, ids int4range);
ALTER TABLE billing_periods
  ALTER COLUMN days TYPE tstzrange USING tstzrange(lower(days), upper(days), '[)');
ALTER TABLE billing_periods
  ALTER COLUMN ids TYPE int8range USING int8range(lower(ids)::bigint, upper(ids)::bigint);
