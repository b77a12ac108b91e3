ALTER TABLE orders ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();
ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp(),
  ADD COLUMN weight double precision DEFAULT (random() * 10);
ALTER TABLE public.orders ADD COLUMN ref uuid DEFAULT extensions.uuid_generate_v4();
-- serial, identity and stored generated columns fill every existing row too.
ALTER TABLE orders ADD COLUMN seq bigserial;
ALTER TABLE orders ADD COLUMN number bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;
-- A domain with a constraint is checked against every row.
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
ALTER TABLE orders ADD COLUMN quantity positive_int;
-- A function created without IMMUTABLE or STABLE is volatile.
CREATE OR REPLACE FUNCTION random_code(n integer) RETURNS text LANGUAGE sql
  AS $$ SELECT substr(md5(random()::text), 1, n) $$;
ALTER TABLE orders ADD COLUMN code text NOT NULL DEFAULT random_code(8);
