CREATE TABLE IF NOT EXISTS docs (
  id bigint PRIMARY KEY, title text, slug varchar(80), rank integer, meta json, body jsonb,
  tags text[], search tsvector, during tstzrange, origin inet, created_at timestamptz, spot point
);
