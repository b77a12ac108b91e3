-- admin was not there before the up: it stays after the rollback
ALTER TABLE crew_members ADD COLUMN IF NOT EXISTS admin boolean DEFAULT false NOT NULL;
ALTER TABLE crew_members DROP COLUMN IF EXISTS role;
