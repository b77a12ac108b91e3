ALTER TABLE rs_orders ALTER COLUMN amount_cents TYPE integer;
