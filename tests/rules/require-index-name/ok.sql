CREATE TABLE IF NOT EXISTS users (id int, email text, tags text[], created_at timestamptz);
CREATE INDEX IF NOT EXISTS users_email ON users (email);
CREATE UNIQUE INDEX IF NOT EXISTS users_lower_email ON users (lower(email));
-- A named index without IF NOT EXISTS is require-if-not-exists's.
DROP INDEX IF EXISTS users_tags;
CREATE INDEX users_tags ON users USING gin (tags);
-- Temporary tables are made afresh by every run.
CREATE TEMP TABLE import_rows (id int);
CREATE INDEX ON import_rows (id);
-- Guarded by a catalog test.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_indexes WHERE tablename = 'users' AND indexdef LIKE '%(created_at)%') THEN
    CREATE INDEX ON users (created_at);
  END IF;
END $$;
