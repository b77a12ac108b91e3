-- sqlgate:no-transaction
-- The recipe: build the index without blocking writes, then adopt it.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_number_idx ON orders (number);
ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_pkey_idx ON orders (id);
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey_idx;
-- A table created in this migration is empty.
CREATE TABLE IF NOT EXISTS invoices (id bigint, number text);
ALTER TABLE invoices ADD PRIMARY KEY (id), ADD CONSTRAINT invoices_number_key UNIQUE (number);
-- ASC NULLS LAST, and the column's default operator class named, sort as PostgreSQL's own.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_asc_idx ON orders (ref ASC NULLS LAST);
ALTER TABLE orders ADD CONSTRAINT orders_ref_asc_key UNIQUE USING INDEX orders_ref_asc_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_ops_idx ON orders (ref text_ops);
ALTER TABLE orders ADD CONSTRAINT orders_ref_ops_key UNIQUE USING INDEX orders_ref_ops_idx;
