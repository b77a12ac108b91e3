CREATE TABLE IF NOT EXISTS coupons (code text PRIMARY KEY DEFAULT gen_code(), kind text);
CREATE OR REPLACE FUNCTION gen_code() RETURNS text
  LANGUAGE sql AS $$ SELECT substr(md5(random()::text), 1, 10) $$;
CREATE UNIQUE INDEX IF NOT EXISTS coupons_normalized ON coupons (normalized_code(code));
CREATE OR REPLACE FUNCTION coupon_label(kind coupon_kind) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT kind::text $$;
