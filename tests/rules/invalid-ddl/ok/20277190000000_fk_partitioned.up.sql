CREATE TABLE fk_customers (id bigint PRIMARY KEY);
CREATE TABLE fk_orders (
    id bigint NOT NULL,
    created_at date NOT NULL,
    customer_id bigint,
    CONSTRAINT fk_orders_made_fk FOREIGN KEY (customer_id) REFERENCES fk_customers (id) NOT VALID
) PARTITION BY RANGE (created_at);
CREATE TABLE fk_orders_2026 PARTITION OF fk_orders
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- a partition is a plain table: ONLY and NOT VALID both work
ALTER TABLE ONLY fk_orders_2026 ADD CONSTRAINT fk_orders_2026_customer_fk
    FOREIGN KEY (customer_id) REFERENCES fk_customers (id) NOT VALID;
ALTER TABLE fk_orders ADD CONSTRAINT fk_orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES fk_customers (id);
