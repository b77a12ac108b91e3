CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE IF NOT EXISTS subscribers (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  email citext NOT NULL,
  name text NOT NULL
);
CREATE INDEX IF NOT EXISTS subscribers_name_trgm ON subscribers USING gin (name gin_trgm_ops);
