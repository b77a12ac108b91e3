CREATE TABLE IF NOT EXISTS parcels (id bigint PRIMARY KEY, weight_grams integer NOT NULL);
ALTER TABLE parcels DROP CONSTRAINT IF EXISTS parcels_weight_grams_check;
ALTER TABLE parcels ADD CONSTRAINT parcels_weight_grams_check CHECK (weight_grams >= 0) NOT VALID;
