CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL,
  logged_at timestamptz(3), seen_at timestamptz);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz;
-- A type change: reported, no fix (the change itself is ban-alter-column-type's concern).
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp;
