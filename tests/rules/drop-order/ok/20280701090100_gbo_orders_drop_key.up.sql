ALTER TABLE gbo_orders DROP CONSTRAINT IF EXISTS gbo_orders_pkey;
