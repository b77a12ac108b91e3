-- sqlgate:run-once renamed back once
ALTER TABLE events_daily RENAME COLUMN events TO n;
-- The down renamed it back already: the old name is the right one here.
CREATE OR REPLACE VIEW events_daily AS SELECT day, count(*) AS n FROM events GROUP BY day;
DO $$ BEGIN
  IF EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'events_public' AND column_name = 'event_kind') THEN
    ALTER VIEW events_public RENAME COLUMN event_kind TO kind;
  END IF;
END $$;
