-- The generated column goes first; DROP TABLE takes the rest.
ALTER TABLE IF EXISTS parcel_sizes DROP COLUMN IF EXISTS volume_cm;
ALTER TABLE IF EXISTS parcel_sizes DROP COLUMN IF EXISTS width_cm;
DROP TABLE IF EXISTS parcel_sizes;
