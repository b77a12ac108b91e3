-- The value and its uses in one transaction: each use fails (55P04).
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'expired' AFTER 'deleted';
CREATE INDEX IF NOT EXISTS events_expired_idx ON events (id) WHERE kind = 'expired';
ALTER TYPE public.event_kind ADD VALUE IF NOT EXISTS 'archived';
UPDATE events SET kind = 'archived' WHERE note IS NULL;
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'snapshotted';
ALTER TABLE events ALTER COLUMN kind SET DEFAULT 'snapshotted';
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'merged';
CREATE OR REPLACE FUNCTION merged_kind() RETURNS event_kind LANGUAGE sql
BEGIN ATOMIC SELECT 'merged'::event_kind; END;
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'split';
DO $$ BEGIN
  INSERT INTO events (id, kind) VALUES (0, 'split') ON CONFLICT DO NOTHING;
END $$;
