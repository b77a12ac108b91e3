CREATE TABLE IF NOT EXISTS pages (id bigint PRIMARY KEY, published_at timestamp, title text);
CREATE OR REPLACE FUNCTION pages_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS pages_published ON pages;
CREATE TRIGGER pages_published BEFORE UPDATE OF published_at ON pages
  FOR EACH ROW EXECUTE FUNCTION pages_touch();
DROP TRIGGER IF EXISTS pages_retitled ON pages;
CREATE TRIGGER pages_retitled BEFORE UPDATE ON pages
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION pages_touch();
