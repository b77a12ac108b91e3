-- the default goes before the type changes and comes back after
ALTER TABLE parcels
  ALTER COLUMN quantity DROP DEFAULT,
  ALTER COLUMN quantity TYPE integer USING quantity::integer,
  ALTER COLUMN quantity SET DEFAULT 1;
-- a DROP DEFAULT runs before the TYPE of its statement, wherever it is written
ALTER TABLE parcels ALTER COLUMN fragile TYPE boolean USING fragile <> 0, ALTER COLUMN fragile DROP DEFAULT;
-- no default before: the SET DEFAULT runs after the TYPE
ALTER TABLE parcels ALTER COLUMN weight SET DEFAULT 0, ALTER COLUMN weight TYPE numeric USING weight::numeric;
-- every type converts to the string types; integer to bigint
ALTER TABLE parcels ALTER COLUMN label TYPE varchar(20);
ALTER TABLE parcels ALTER COLUMN quantity TYPE bigint;
-- now() is a timestamptz on a text column too
ALTER TABLE parcels ADD COLUMN IF NOT EXISTS sent_at text DEFAULT now();
ALTER TABLE parcels ALTER COLUMN sent_at TYPE timestamptz USING sent_at::timestamptz;
-- DEFAULT NULL on a text column stores no default
ALTER TABLE parcels ALTER COLUMN code TYPE text, ALTER COLUMN code SET DEFAULT NULL;
ALTER TABLE parcels ALTER COLUMN code TYPE uuid USING NULL;
