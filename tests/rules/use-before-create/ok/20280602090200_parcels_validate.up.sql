-- The copy on the table now named parcels (PostgreSQL: ALTER TABLE, on the first run and the
-- second).
ALTER TABLE parcels VALIDATE CONSTRAINT parcels_weight_grams_check;
