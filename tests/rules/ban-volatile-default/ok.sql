-- Constant and stable defaults are stored in the catalog (PostgreSQL 11+): no rewrite.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN tags text[] DEFAULT '{}', ADD COLUMN note text DEFAULT NULL;
ALTER TABLE orders ADD COLUMN flags integer DEFAULT 1 + 2;
-- A function sqlgate cannot see the volatility of is left alone.
ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();
-- A domain without constraints.
CREATE DOMAIN label AS text;
ALTER TABLE orders ADD COLUMN kind label;
-- A table created in this migration has no rows.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE invoices ADD COLUMN seq bigserial;
-- A function declared IMMUTABLE or STABLE is evaluated once; a negative constant is a constant.
CREATE OR REPLACE FUNCTION default_region() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'eu' $$;
ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT default_region();
ALTER TABLE orders ADD COLUMN position integer NOT NULL DEFAULT -1;
