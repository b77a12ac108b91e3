ALTER TABLE parcels DROP COLUMN IF EXISTS tracking;
ALTER TABLE parcels ALTER COLUMN code TYPE varchar(10);
ALTER TABLE parcels ALTER COLUMN weight TYPE text, ALTER COLUMN weight DROP DEFAULT;
ALTER TABLE parcels ALTER COLUMN label TYPE text, ALTER COLUMN label SET DEFAULT 'none';
ALTER TABLE parcels ALTER COLUMN fragile TYPE integer USING fragile::integer;
ALTER TABLE parcels ALTER COLUMN quantity TYPE text;
