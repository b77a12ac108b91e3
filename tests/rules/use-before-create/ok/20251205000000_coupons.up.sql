-- Built-in functions, functions no migration creates (they may come from outside), and a
-- function body that calls a function created later: PostgreSQL checks none of these here.
CREATE TABLE IF NOT EXISTS coupons (
  code text PRIMARY KEY DEFAULT upper(substr(md5(random()::text), 1, 10)),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  legacy_id uuid DEFAULT uuid_generate_v4()
);
CREATE OR REPLACE FUNCTION coupon_code() RETURNS text
  LANGUAGE plpgsql AS $$ BEGIN RETURN gen_code(); END $$;
CREATE OR REPLACE FUNCTION gen_code() RETURNS text
  LANGUAGE sql AS $$ SELECT substr(md5(random()::text), 1, 10) $$;
