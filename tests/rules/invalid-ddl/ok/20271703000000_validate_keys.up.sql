CREATE TABLE fixd_orders (id bigint PRIMARY KEY, amount numeric);
CREATE TABLE fixd_lines (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE fixd_lines ADD CONSTRAINT fixd_lines_order_fkey
  FOREIGN KEY (order_id) REFERENCES fixd_orders NOT VALID;
ALTER TABLE fixd_lines VALIDATE CONSTRAINT fixd_lines_order_fkey;
ALTER TABLE fixd_orders ADD CONSTRAINT fixd_orders_amount_check CHECK (amount > 0) NOT VALID;
ALTER TABLE fixd_orders VALIDATE CONSTRAINT fixd_orders_amount_check;
