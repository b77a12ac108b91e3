-- A version with microseconds appended (20 digits): above PostgreSQL's bigint, so
-- schema_migrations cannot record it, and above golang-migrate's 64-bit limit, so it skips it.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS icon text;
