-- A foreign key to teams, which only the next migration creates: on a fresh database (CI, a
-- new laptop) this migration fails.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS team_id bigint REFERENCES teams (id);
