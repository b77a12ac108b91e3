-- Types that no source reaches without a rewrite.
ALTER TABLE orders ALTER COLUMN id TYPE bigint;
ALTER TABLE orders ALTER COLUMN payload SET DATA TYPE jsonb USING payload::jsonb;
-- USING an expression computes every row again, whatever the types.
ALTER TABLE orders ALTER COLUMN code TYPE text USING lower(code);
-- timestamp -> timestamptz rewrites unless the session is in UTC.
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;
-- Known source types (the column was added in this file): narrowing and non-coercible changes.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS sku varchar(64), ADD COLUMN IF NOT EXISTS price numeric(10,2);
ALTER TABLE orders ALTER COLUMN sku TYPE varchar(32);
ALTER TABLE orders ALTER COLUMN price TYPE numeric(12,3);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);
-- In UTC, timestamp -> timestamptz keeps the rows but rebuilds the column's indexes (warning).
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamp;
SET TIME ZONE 'UTC';
ALTER TABLE orders ALTER COLUMN shipped_at TYPE timestamptz;
-- From a type this file cannot see, to one that some types reach without a rewrite: warnings.
ALTER TABLE orders ALTER COLUMN title TYPE text;
ALTER TABLE orders ALTER COLUMN name TYPE varchar(200);
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(14,2), ALTER COLUMN mask TYPE varbit;
ALTER TABLE orders ALTER COLUMN network TYPE inet;
ALTER TABLE orders ALTER COLUMN client_id TYPE text USING client_id::text;
-- citext: text and varchar reach it by a binary cast, and it reaches them back: the rows stay,
-- the column's indexes are rebuilt (warnings); a length limit checks every row again.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS handle citext;
ALTER TABLE orders ALTER COLUMN handle TYPE text;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS email text, ADD COLUMN IF NOT EXISTS nick citext;
ALTER TABLE orders ALTER COLUMN email TYPE citext;
ALTER TABLE orders ALTER COLUMN nick TYPE varchar(40);
