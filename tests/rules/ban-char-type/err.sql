CREATE TABLE IF NOT EXISTS countries (code char(2) PRIMARY KEY, iso3 character(3), flag CHAR);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS currency character(3);
ALTER TABLE orders ALTER COLUMN state TYPE char(1);
