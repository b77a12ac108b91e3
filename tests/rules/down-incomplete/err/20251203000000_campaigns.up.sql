CREATE TABLE IF NOT EXISTS campaigns (
  id bigserial PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES users (id),
  name text NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS users_email_idx ON users (lower(email));
CREATE TYPE campaign_state AS ENUM ('draft', 'live');
CREATE OR REPLACE VIEW live_campaigns AS SELECT * FROM campaigns;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name := trim(NEW.name);
  RETURN NEW;
END
$$;
CREATE TRIGGER campaigns_touch BEFORE INSERT ON campaigns FOR EACH ROW EXECUTE FUNCTION touch();
CREATE EXTENSION IF NOT EXISTS pgcrypto;
