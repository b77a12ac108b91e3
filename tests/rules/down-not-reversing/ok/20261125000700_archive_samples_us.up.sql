DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('samples_us')) THEN
    ALTER TABLE samples DETACH PARTITION samples_us;
  END IF;
END $$;
ALTER TABLE IF EXISTS samples_us RENAME TO samples_us_archive;
