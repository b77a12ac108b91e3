-- A domain with a CHECK: changing the rule later (ALTER DOMAIN) checks every column of the type
-- in every table under a lock. A CHECK on each column can be added NOT VALID and validated
-- without blocking writes.
SET lock_timeout = '5s';
DO $$
BEGIN
    CREATE DOMAIN project_slug AS text CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

CREATE TABLE IF NOT EXISTS project_links (
    slug        project_slug PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id)
);
