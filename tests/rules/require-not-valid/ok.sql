-- sqlgate:no-transaction
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
-- A new column without a default is NULL everywhere: PostgreSQL skips the foreign key's check.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon_id bigint REFERENCES coupons (id);
-- UNIQUE and PRIMARY KEY are another rule's concern.
ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx;
-- A table created in this migration is empty.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
-- A view (here the one left with a renamed table's old name): PostgreSQL refuses a constraint on
-- it ("ALTER action ADD CONSTRAINT cannot be performed on relation "posts""), which invalid-ddl
-- reports.
CREATE OR REPLACE VIEW posts AS SELECT * FROM articles;
ALTER TABLE posts ADD CONSTRAINT posts_title_not_blank CHECK (title <> '');
