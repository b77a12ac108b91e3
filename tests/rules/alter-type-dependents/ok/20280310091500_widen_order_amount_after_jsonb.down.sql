ALTER TABLE rso_orders ALTER COLUMN amount_cents TYPE integer;
