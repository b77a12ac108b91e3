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
-- USING INDEX of an index whose column sorts otherwise: an operator class, DESC, NULLS FIRST.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_number_pattern_idx ON orders (number text_pattern_ops);
ALTER TABLE orders ADD CONSTRAINT orders_number_pattern_key UNIQUE USING INDEX orders_number_pattern_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_tenant_ref_desc_idx ON orders (tenant_id, ref DESC);
ALTER TABLE orders ADD CONSTRAINT orders_tenant_ref_desc_key UNIQUE USING INDEX orders_tenant_ref_desc_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_nulls_idx ON orders (ref NULLS FIRST);
ALTER TABLE orders ADD CONSTRAINT orders_ref_nulls_key UNIQUE USING INDEX orders_ref_nulls_idx;
-- USING INDEX on a partitioned table, whatever the index.
CREATE TABLE IF NOT EXISTS events (id bigint NOT NULL, occurred_at timestamptz NOT NULL)
    PARTITION BY RANGE (occurred_at);
CREATE UNIQUE INDEX IF NOT EXISTS events_id_occurred_at_idx ON events (id, occurred_at);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_occurred_at_idx;
