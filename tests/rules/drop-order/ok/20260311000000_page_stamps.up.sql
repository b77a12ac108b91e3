CREATE TABLE IF NOT EXISTS pages (id bigint PRIMARY KEY, title text, published_at timestamptz);
CREATE OR REPLACE FUNCTION stamp_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.published_at := now(); RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER pages_stamp_published BEFORE UPDATE OF published_at ON pages
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION stamp_published();
CREATE STATISTICS IF NOT EXISTS pages_title_stats ON title, published_at FROM pages;
