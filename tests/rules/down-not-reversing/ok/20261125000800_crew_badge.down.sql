ALTER TABLE crew_members ADD COLUMN IF NOT EXISTS legacy_badge text;
