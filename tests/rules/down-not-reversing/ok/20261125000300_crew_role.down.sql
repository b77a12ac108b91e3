-- email was there before the up; admin is a scratch column, dropped again
ALTER TABLE crew_members ADD COLUMN IF NOT EXISTS email text;
ALTER TABLE crew_members ALTER COLUMN email SET NOT NULL;
ALTER TABLE crew_members ADD COLUMN IF NOT EXISTS admin boolean DEFAULT false NOT NULL;
UPDATE crew_members SET admin = (role = 2);
ALTER TABLE crew_members DROP COLUMN IF EXISTS admin;
ALTER TABLE crew_members DROP COLUMN IF EXISTS role;
