CREATE TYPE fixd_money AS (amount numeric(12,2), currency char(3));
CREATE TABLE fixd_price OF fixd_money;
ALTER TYPE fixd_money ADD ATTRIBUTE minor_units smallint;
ALTER TYPE fixd_money RENAME ATTRIBUTE currency TO currency_code;
ALTER TYPE fixd_money DROP ATTRIBUTE IF EXISTS minor_units CASCADE,
  ALTER ATTRIBUTE amount TYPE numeric(14,2);
