-- sqlgate:no-transaction
-- A leftover invalid index is dropped first.
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
DROP INDEX CONCURRENTLY IF EXISTS public.orders_state_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_state_idx ON public.orders (state);
-- Without IF NOT EXISTS a retry fails loudly instead of keeping the invalid index.
CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);
