ALTER TABLE samples DETACH PARTITION samples_us;
ALTER TABLE samples_us RENAME TO samples_us_archive;
