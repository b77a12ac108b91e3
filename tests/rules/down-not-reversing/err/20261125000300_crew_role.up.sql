ALTER TABLE crew_members ADD COLUMN IF NOT EXISTS role integer DEFAULT 0 NOT NULL;
ALTER TABLE crew_members ADD COLUMN IF NOT EXISTS admin boolean DEFAULT false NOT NULL;
UPDATE crew_members SET role = 2 WHERE admin;
ALTER TABLE crew_members DROP COLUMN IF EXISTS admin;
