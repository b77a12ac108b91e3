CREATE OR REPLACE FUNCTION gen_short_id() RETURNS text
  LANGUAGE sql VOLATILE AS $$ SELECT substr(md5(random()::text), 1, 8) $$;
CREATE OR REPLACE FUNCTION normalized_url(url text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(url)) $$;
CREATE TABLE IF NOT EXISTS short_links (
  id text PRIMARY KEY DEFAULT gen_short_id(),
  url text NOT NULL CHECK (normalized_url(url) <> '')
);
CREATE UNIQUE INDEX IF NOT EXISTS short_links_url ON short_links (normalized_url(url));
