DO $$ BEGIN
  IF EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'events_public' AND column_name = 'kind') THEN
    ALTER VIEW events_public RENAME COLUMN kind TO event_kind;
  END IF;
END $$;
-- sqlgate:run-once renamed once
ALTER TABLE events_daily RENAME COLUMN n TO events;
