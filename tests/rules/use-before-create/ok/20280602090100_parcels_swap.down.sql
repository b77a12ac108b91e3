ALTER TABLE parcels RENAME TO parcels_new;
ALTER TABLE parcels_old RENAME TO parcels;
DROP TABLE parcels_new;
