CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS intarray;
CREATE TABLE IF NOT EXISTS pr_paths (id bigint PRIMARY KEY, path ltree, paths ltree[], name text,
    tags int[], doc tsvector);
CREATE INDEX IF NOT EXISTS pr_paths_path ON pr_paths USING gist (path gist_ltree_ops (siglen = 3000));
CREATE INDEX IF NOT EXISTS pr_paths_path6 ON pr_paths USING gist (path gist_ltree_ops (siglen = 6));
CREATE INDEX IF NOT EXISTS pr_paths_name ON pr_paths USING gist (name gist_trgm_ops (siglen = 0));
CREATE INDEX IF NOT EXISTS pr_paths_tags ON pr_paths USING gist (tags gist__int_ops (numranges = 253));
CREATE INDEX IF NOT EXISTS pr_paths_doc ON pr_paths USING gist (doc tsvector_ops (sig_len = 8));
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'pr_bigrange') THEN
        CREATE TYPE pr_bigrange AS RANGE (subtype = bigint, subtype_diff = int8mi);
    END IF;
END
$$;
CREATE TYPE pr_floatrange AS RANGE (subtype = float8, subtype_diff = int4mi);
CREATE TYPE pr_daterange AS RANGE (subtype = date, subtype_diff = pg_catalog.date_mi);
