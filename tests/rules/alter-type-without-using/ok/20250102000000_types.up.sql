ALTER TABLE orders ALTER COLUMN code TYPE integer USING code::integer;
ALTER TABLE orders ALTER COLUMN ref TYPE uuid USING ref::uuid;
ALTER TABLE orders ALTER COLUMN paid TYPE bigint, ALTER COLUMN attrs TYPE varchar(100);
ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::order_status;
ALTER TABLE orders ALTER COLUMN placed TYPE timestamptz;
