-- bills.subtotal has a composite type with an attribute of the domain: PostgreSQL cannot
-- check the domain's values there, and refuses to (NOT VALID is taken, its VALIDATE is not)
ALTER DOMAIN iso_currency DROP CONSTRAINT IF EXISTS iso_currency_format;
ALTER DOMAIN iso_currency ADD CONSTRAINT iso_currency_format CHECK (VALUE ~ '^[A-Z]{3}$');
ALTER DOMAIN iso_currency DROP CONSTRAINT IF EXISTS iso_currency_letters;
ALTER DOMAIN iso_currency ADD CONSTRAINT iso_currency_letters CHECK (VALUE ~ '^[A-Z]+$') NOT VALID;
ALTER DOMAIN iso_currency VALIDATE CONSTRAINT iso_currency_letters;
ALTER DOMAIN iso_currency SET NOT NULL;
