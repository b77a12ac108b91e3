CREATE TYPE fixd_money AS (amount numeric(12,2), currency char(3));
CREATE TABLE fixd_price OF fixd_money;
ALTER TYPE fixd_money ADD ATTRIBUTE minor_units smallint CASCADE;
ALTER TYPE fixd_money RENAME ATTRIBUTE currency TO currency_code CASCADE;
ALTER TYPE fixd_money DROP ATTRIBUTE IF EXISTS minor_units CASCADE,
  ALTER ATTRIBUTE amount TYPE numeric(14,2) CASCADE;
-- Not a typed table any more: its columns stay, the type is its own.
ALTER TABLE fixd_price NOT OF;
ALTER TYPE fixd_money ADD ATTRIBUTE note text;
-- A column of the type: attributes can be added, renamed and dropped.
CREATE TYPE fixd_amount AS (amount numeric(12,2));
CREATE TABLE fixd_line (id bigint PRIMARY KEY, total fixd_amount);
ALTER TYPE fixd_amount ADD ATTRIBUTE currency char(3);
ALTER TYPE fixd_amount RENAME ATTRIBUTE currency TO currency_code;
ALTER TYPE fixd_amount DROP ATTRIBUTE currency_code;
-- Once the typed table is gone.
CREATE TYPE fixd_rate AS (value numeric);
CREATE TABLE fixd_rates OF fixd_rate;
DROP TABLE fixd_rates;
ALTER TYPE fixd_rate ADD ATTRIBUTE since date;
