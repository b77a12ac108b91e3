ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number);
ALTER TABLE public.orders ADD PRIMARY KEY (id);
-- A unique index on these columns already exists: adopt it.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_idx ON orders (tenant_id, ref);
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_idx;
-- ... but only one on exactly these columns, in this order, without WHERE or expressions.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_idx ON orders (code) WHERE code IS NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);
-- A new column with UNIQUE or PRIMARY KEY builds the index too.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text UNIQUE;
-- USING INDEX of an index that cannot back a constraint: partial, on expressions, not unique.
ALTER TABLE orders ADD CONSTRAINT orders_code_live_key UNIQUE USING INDEX orders_code_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_lower_ref_idx ON orders (lower(ref));
ALTER TABLE orders ADD CONSTRAINT orders_lower_ref_key UNIQUE USING INDEX orders_lower_ref_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_idx ON orders (placed_at);
ALTER TABLE orders ADD CONSTRAINT orders_placed_key PRIMARY KEY USING INDEX orders_placed_idx;
