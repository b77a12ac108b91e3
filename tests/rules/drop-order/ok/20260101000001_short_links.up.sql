CREATE OR REPLACE FUNCTION gen_short_id() RETURNS text
  LANGUAGE sql VOLATILE AS $$ SELECT substr(md5(random()::text), 1, 8) $$;
CREATE OR REPLACE FUNCTION normalized_url(url text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(url)) $$;
-- A function that calls another in its body: PostgreSQL records no dependency for that.
CREATE OR REPLACE FUNCTION link_key(url text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN md5(normalized_url(url)); END $$;
-- public.lower(text) loses to pg_catalog.lower(text): the default calls the built-in one.
CREATE OR REPLACE FUNCTION public.lower(text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
CREATE TABLE IF NOT EXISTS short_links (
  id text PRIMARY KEY DEFAULT gen_short_id(),
  url text NOT NULL CHECK (normalized_url(url) <> ''),
  host text NOT NULL DEFAULT lower('EXAMPLE.ORG')
);
CREATE UNIQUE INDEX IF NOT EXISTS short_links_url ON short_links (normalized_url(url));
-- A table made from a query keeps the rows, not the query.
CREATE TABLE IF NOT EXISTS short_links_seed AS SELECT gen_short_id() AS id FROM generate_series(1, 3);
