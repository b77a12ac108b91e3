ALTER TABLE wallet_moves ADD COLUMN IF NOT EXISTS memo text;
ALTER TABLE wallet_moves ADD COLUMN IF NOT EXISTS amount_cents integer NOT NULL DEFAULT 0;
