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
-- the domain as a column's type itself: PostgreSQL checks the column's values
CREATE TABLE IF NOT EXISTS price_lists (id bigint PRIMARY KEY, currency iso_currency NOT NULL);
