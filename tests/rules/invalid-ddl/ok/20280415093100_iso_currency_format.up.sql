-- no table's column has priced_amount: the composite type alone does not stop it
ALTER DOMAIN iso_currency DROP CONSTRAINT IF EXISTS iso_currency_format;
ALTER DOMAIN iso_currency ADD CONSTRAINT iso_currency_format CHECK (VALUE ~ '^[A-Z]{3}$');
ALTER DOMAIN iso_currency SET NOT NULL;
