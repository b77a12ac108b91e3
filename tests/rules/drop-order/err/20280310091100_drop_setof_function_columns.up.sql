ALTER TABLE sf_orders DROP COLUMN IF EXISTS amount_cents;
ALTER TABLE sf_orders DROP COLUMN IF EXISTS line_items;
