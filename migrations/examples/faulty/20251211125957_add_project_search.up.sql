-- to_tsvector() without a text search configuration depends on a setting, so PostgreSQL does not
-- mark it IMMUTABLE and refuses it in a generated column ("generation expression is not
-- immutable"): to_tsvector('english', title) is.
ALTER TABLE projects ADD COLUMN IF NOT EXISTS search tsvector
    GENERATED ALWAYS AS (to_tsvector(title)) STORED;
