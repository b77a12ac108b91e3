-- The generated column of the CREATE TABLE still reads width_cm.
ALTER TABLE IF EXISTS parcel_sizes DROP COLUMN IF EXISTS width_cm;
DROP TABLE IF EXISTS parcel_sizes;
