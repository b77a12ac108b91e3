-- the default '1' is text, and text has no automatic cast to integer: PostgreSQL 15 says
-- "default for column "quantity" cannot be cast automatically to type integer", USING or not
ALTER TABLE parcels ALTER COLUMN quantity TYPE integer USING quantity::integer;
-- 0 is an integer: integer has no automatic cast to boolean
ALTER TABLE parcels ALTER COLUMN fragile TYPE boolean USING fragile <> 0;
-- a SET DEFAULT runs after the TYPE of its statement: the old default is converted first
ALTER TABLE parcels ALTER COLUMN label SET DEFAULT '0', ALTER COLUMN label TYPE integer USING 0;
-- a default an earlier statement set
ALTER TABLE parcels ALTER COLUMN weight SET DEFAULT '0';
ALTER TABLE parcels ALTER COLUMN weight TYPE numeric USING weight::numeric;
-- 'x' stays a varchar when the column becomes text
ALTER TABLE parcels ALTER COLUMN code TYPE text;
ALTER TABLE parcels ALTER COLUMN code TYPE uuid USING NULL;
-- DEFAULT NULL on a varchar(n) column is stored (as a length coercion of NULL): a varchar
ALTER TABLE parcels ADD COLUMN IF NOT EXISTS tracking varchar(20) DEFAULT NULL;
ALTER TABLE parcels ALTER COLUMN tracking TYPE uuid USING tracking::uuid;
