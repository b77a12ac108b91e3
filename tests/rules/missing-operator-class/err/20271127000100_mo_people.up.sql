-- Operator classes only an extension has, and no migration creates it: PostgreSQL refuses the
-- index ("operator class "gin_trgm_ops" does not exist for access method "gin"") unless the
-- extension was installed outside the migrations.
CREATE TABLE IF NOT EXISTS mo_people (id integer PRIMARY KEY, name text NOT NULL, path text);
CREATE INDEX IF NOT EXISTS mo_people_name_trgm ON mo_people USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS mo_people_lower_trgm ON mo_people USING gist (lower(name) gist_trgm_ops);
CREATE INDEX IF NOT EXISTS mo_people_id_gin ON mo_people USING gin (id int4_ops);
-- pg_catalog's own int4_ops for btree: fine.
CREATE INDEX IF NOT EXISTS mo_people_id ON mo_people (id int4_ops);
