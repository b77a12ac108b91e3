-- A table created (and dropped) by this migration.
CREATE TABLE IF NOT EXISTS invoice_import (id bigint);
DROP TABLE invoice_import;
-- Other objects are other rules' concern.
DROP VIEW IF EXISTS order_totals;
DROP INDEX CONCURRENTLY IF EXISTS orders_state_idx;
