-- renamed, it is still the key's
ALTER TABLE payments RENAME COLUMN created_at TO created_on;
ALTER TABLE payments ALTER COLUMN amount_cents TYPE numeric, ALTER COLUMN created_on TYPE timestamptz;
