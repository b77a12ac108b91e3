ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number);
ALTER TABLE public.orders ADD PRIMARY KEY (id);
-- A unique index on these columns already exists: adopt it.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_idx ON orders (tenant_id, ref);
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (tenant_id, ref);
-- ... but only one on exactly these columns, in this order, without WHERE or expressions.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_idx ON orders (code) WHERE code IS NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);
-- A new column with UNIQUE or PRIMARY KEY builds the index too.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS external_id text UNIQUE;
