CREATE TABLE IF NOT EXISTS pages (id bigint PRIMARY KEY, title text);
ALTER TABLE pages ADD COLUMN IF NOT EXISTS published_at timestamptz;
ALTER TABLE pages ADD COLUMN IF NOT EXISTS edited_at timestamptz;
CREATE OR REPLACE FUNCTION stamp_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.published_at := now(); RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER pages_stamp_published BEFORE UPDATE OF published_at ON pages
  FOR EACH ROW EXECUTE FUNCTION stamp_published();
CREATE OR REPLACE TRIGGER pages_stamp_edited BEFORE UPDATE ON pages
  FOR EACH ROW WHEN (NEW.edited_at IS DISTINCT FROM OLD.edited_at) EXECUTE FUNCTION stamp_published();
