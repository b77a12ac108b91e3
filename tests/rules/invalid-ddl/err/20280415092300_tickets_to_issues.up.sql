DO $$
BEGIN
  IF to_regclass('issues') IS NULL THEN
    ALTER TABLE tickets RENAME TO issues;
  END IF;
END $$;
-- old clients still read "tickets" until the next deploy
CREATE OR REPLACE VIEW tickets AS SELECT * FROM issues;
