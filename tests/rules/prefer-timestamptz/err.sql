CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL,
  logged_at timestamp(3) without time zone, seen_at TIMESTAMP WITHOUT TIME ZONE);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamp;
-- A type change: reported, no fix (the change itself is ban-alter-column-type's concern).
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp;
