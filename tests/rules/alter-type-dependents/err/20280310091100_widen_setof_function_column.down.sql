ALTER TABLE atsf_orders ALTER COLUMN amount_cents TYPE integer;
