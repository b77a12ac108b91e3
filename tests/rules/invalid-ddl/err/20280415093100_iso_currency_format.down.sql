ALTER DOMAIN iso_currency DROP NOT NULL;
ALTER DOMAIN iso_currency DROP CONSTRAINT IF EXISTS iso_currency_letters;
ALTER DOMAIN iso_currency DROP CONSTRAINT IF EXISTS iso_currency_format;
