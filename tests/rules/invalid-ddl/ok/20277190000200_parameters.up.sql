CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS intarray;
CREATE TABLE IF NOT EXISTS pr_paths (id bigint PRIMARY KEY, path ltree, paths ltree[], name text,
    tags int[], doc tsvector);
CREATE INDEX IF NOT EXISTS pr_paths_path ON pr_paths USING gist (path gist_ltree_ops (siglen = 2024));
CREATE INDEX IF NOT EXISTS pr_paths_paths ON pr_paths USING gist (paths gist__ltree_ops (siglen = 6));
CREATE INDEX IF NOT EXISTS pr_paths_name ON pr_paths USING gist (name gist_trgm_ops (siglen = 3));
CREATE INDEX IF NOT EXISTS pr_paths_tags ON pr_paths USING gist (tags gist__int_ops (numranges = 252));
CREATE INDEX IF NOT EXISTS pr_paths_doc ON pr_paths USING gist (doc tsvector_ops (siglen = 1));
CREATE TYPE pr_floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE pr_intrange AS RANGE (subtype = int4, subtype_diff = int4range_subdiff);
CREATE FUNCTION pr_date_diff(a date, b date) RETURNS float8 LANGUAGE sql IMMUTABLE
    AS 'SELECT (a - b)::float8';
CREATE TYPE pr_daterange AS RANGE (subtype = date, subtype_diff = pr_date_diff);
