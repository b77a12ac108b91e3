-- columns outside the partition key change as in any table; the key's may be renamed
ALTER TABLE payments ALTER COLUMN amount_cents TYPE numeric(14, 0);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS settled_at timestamp;
ALTER TABLE payments ALTER COLUMN settled_at TYPE timestamptz;
ALTER TABLE payments DROP COLUMN IF EXISTS settled_at;
ALTER TABLE payments RENAME COLUMN created_at TO created_on;
