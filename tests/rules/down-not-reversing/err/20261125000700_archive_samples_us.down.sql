-- renamed back, not attached back
ALTER TABLE samples_us_archive RENAME TO samples_us;
