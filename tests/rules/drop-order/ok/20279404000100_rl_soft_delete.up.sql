CREATE TABLE IF NOT EXISTS rl_customers (id bigint PRIMARY KEY, email text NOT NULL, note text, deleted_at timestamptz);
CREATE TABLE IF NOT EXISTS rl_orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES rl_customers (id), deleted_at timestamptz);
CREATE OR REPLACE RULE rl_customers_soft_delete AS ON DELETE TO rl_customers
    DO INSTEAD UPDATE rl_customers SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
