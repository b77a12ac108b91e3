CREATE TABLE fk_customers (id bigint PRIMARY KEY);
CREATE TABLE fk_orders (
    id bigint NOT NULL,
    created_at date NOT NULL,
    customer_id bigint
) PARTITION BY RANGE (created_at);
ALTER TABLE fk_orders ADD CONSTRAINT fk_orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES fk_customers (id) NOT VALID;
ALTER TABLE ONLY fk_orders ADD CONSTRAINT fk_orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES fk_customers (id);
ALTER TABLE ONLY fk_orders ADD COLUMN other_id bigint REFERENCES fk_customers (id);
ALTER TABLE ONLY fk_orders ADD CONSTRAINT fk_orders_other_fk
    FOREIGN KEY (customer_id) REFERENCES fk_customers (id) NOT VALID;
