-- The trigger dropped first and made again after.
DROP TRIGGER IF EXISTS pages_published ON pages;
ALTER TABLE pages ALTER COLUMN published_at TYPE timestamptz;
CREATE TRIGGER pages_published BEFORE UPDATE OF published_at ON pages
  FOR EACH ROW EXECUTE FUNCTION pages_touch();
