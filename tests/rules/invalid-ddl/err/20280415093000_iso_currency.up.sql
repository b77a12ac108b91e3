DO $$
BEGIN
  CREATE DOMAIN iso_currency AS text CHECK (VALUE = upper(VALUE));
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$
BEGIN
  IF to_regtype('priced_amount') IS NULL THEN
    CREATE TYPE priced_amount AS (amount numeric(14, 2), currency iso_currency);
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS bills (id bigint PRIMARY KEY, subtotal priced_amount NOT NULL);
