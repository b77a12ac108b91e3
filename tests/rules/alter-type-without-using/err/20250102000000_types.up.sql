ALTER TABLE orders ALTER COLUMN code TYPE integer;
ALTER TABLE orders ALTER COLUMN ref TYPE uuid, ALTER COLUMN paid TYPE boolean;
ALTER TABLE orders ALTER COLUMN attrs TYPE jsonb;
ALTER TABLE orders ALTER COLUMN tags TYPE integer[];
ALTER TABLE orders ALTER COLUMN status TYPE order_status;
ALTER TABLE orders ALTER COLUMN placed TYPE integer;
