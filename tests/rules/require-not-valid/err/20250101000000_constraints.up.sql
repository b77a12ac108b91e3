ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0),
  ADD CONSTRAINT orders_region_fk FOREIGN KEY (region_id) REFERENCES regions (id)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
-- Inline, on a new column: a CHECK, or REFERENCES with a default, checks every row.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS discount integer CHECK (discount >= 0);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS channel_id bigint DEFAULT 1 REFERENCES channels (id);
