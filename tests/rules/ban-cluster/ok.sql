-- Marking the index to cluster on does not rewrite anything.
ALTER TABLE orders CLUSTER ON orders_placed_idx;
CREATE TABLE IF NOT EXISTS invoice_import (id bigint PRIMARY KEY);
CLUSTER invoice_import USING invoice_import_pkey;
