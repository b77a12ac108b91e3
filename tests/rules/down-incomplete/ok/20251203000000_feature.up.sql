CREATE TABLE IF NOT EXISTS features (
  id bigserial PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES users (id),
  name text NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS users_email_idx ON users (lower(email));
CREATE TYPE campaign_state AS ENUM ('draft', 'live');
CREATE OR REPLACE VIEW live_features AS SELECT * FROM features;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name := trim(NEW.name);
  RETURN NEW;
END
$$;
CREATE TRIGGER features_touch BEFORE INSERT ON features FOR EACH ROW EXECUTE FUNCTION touch();
CREATE EXTENSION IF NOT EXISTS pgcrypto;
