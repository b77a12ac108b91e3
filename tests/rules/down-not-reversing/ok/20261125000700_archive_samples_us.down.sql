ALTER TABLE IF EXISTS samples_us_archive RENAME TO samples_us;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('samples_us')) THEN
    ALTER TABLE samples ATTACH PARTITION samples_us FOR VALUES IN ('us');
  END IF;
END $$;
