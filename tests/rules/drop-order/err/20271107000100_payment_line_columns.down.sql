ALTER TABLE payment_lines ADD COLUMN IF NOT EXISTS legacy_code text;
ALTER TABLE payment_lines ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE payment_lines ADD COLUMN IF NOT EXISTS memo text;
ALTER TABLE payment_lines ADD COLUMN IF NOT EXISTS amount_cents integer NOT NULL DEFAULT 0;
