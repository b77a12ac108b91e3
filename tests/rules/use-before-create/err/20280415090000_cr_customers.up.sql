CREATE TABLE IF NOT EXISTS cr_customers (id bigint PRIMARY KEY, full_name text NOT NULL, legacy_code text, search_name text);
CREATE TABLE IF NOT EXISTS cr_orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, customer_name text);
