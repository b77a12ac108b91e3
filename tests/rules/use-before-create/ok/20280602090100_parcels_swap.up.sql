-- A rebuild by swap: LIKE ... INCLUDING ALL copies the CHECK constraint, with its name, onto
-- parcels_new, which becomes parcels.
CREATE TABLE IF NOT EXISTS parcels_new (LIKE parcels INCLUDING ALL);
INSERT INTO parcels_new SELECT * FROM parcels ON CONFLICT DO NOTHING;
ALTER TABLE parcels RENAME TO parcels_old;
ALTER TABLE parcels_new RENAME TO parcels;
