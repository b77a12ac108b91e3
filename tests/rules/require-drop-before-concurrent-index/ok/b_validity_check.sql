-- sqlgate:no-transaction
-- The file drops an invalid index after checking pg_index.indisvalid.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
             WHERE c.relname = 'orders_customer_idx' AND NOT i.indisvalid) THEN
    RAISE EXCEPTION 'orders_customer_idx is invalid: drop it first';
  END IF;
END
$$;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
