ALTER TABLE payments RENAME COLUMN created_on TO created_at;
ALTER TABLE payments ALTER COLUMN amount_cents TYPE bigint;
