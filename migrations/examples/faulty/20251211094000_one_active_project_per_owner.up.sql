-- An exclusion constraint added to an existing table: PostgreSQL builds its index and checks
-- every row while projects is locked against reads and writes.
SET lock_timeout = '5s';
CREATE EXTENSION IF NOT EXISTS btree_gist;

DO $$
BEGIN
    ALTER TABLE projects ADD CONSTRAINT projects_one_active_per_owner
        EXCLUDE USING gist (owner_id WITH =, tstzrange(created_at, archived_at) WITH &&);
EXCEPTION
    WHEN duplicate_table THEN NULL;  -- the constraint's index already exists
END
$$;
