CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, payload json NOT NULL);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS meta JSON DEFAULT '{}';
ALTER TABLE orders ALTER COLUMN extra TYPE json;
-- Written with its schema: reported, no fix.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS extra2 pg_catalog.json;
