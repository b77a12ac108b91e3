-- events has a DEFAULT partition: PostgreSQL refuses DETACH ... CONCURRENTLY, in a DO block or
-- not, so there is nothing to ask for.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('events_2024_01')) THEN
    ALTER TABLE events DETACH PARTITION events_2024_01;
  END IF;
END $$;
ALTER TABLE events DETACH PARTITION events_2024_01;
