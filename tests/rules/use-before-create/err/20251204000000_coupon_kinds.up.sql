CREATE OR REPLACE FUNCTION normalized_code(code text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT upper(code) $$;
DO $$
BEGIN
  CREATE TYPE coupon_kind AS ENUM ('percent', 'amount');
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;
