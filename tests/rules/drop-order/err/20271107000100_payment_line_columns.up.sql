ALTER TABLE payment_lines DROP COLUMN IF EXISTS amount_cents;
ALTER TABLE payment_lines DROP COLUMN IF EXISTS memo;
ALTER TABLE payment_lines DROP COLUMN IF EXISTS note;
ALTER TABLE payment_lines DROP COLUMN IF EXISTS legacy_code;
