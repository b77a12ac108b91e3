CREATE TABLE IF NOT EXISTS rl_orders (id bigint PRIMARY KEY, number varchar(20) NOT NULL, deleted_at timestamp);
CREATE TABLE IF NOT EXISTS rl_order_log (logged_at timestamp NOT NULL DEFAULT now(), order_row jsonb);
CREATE OR REPLACE RULE rl_orders_log AS ON INSERT TO rl_orders
    DO ALSO INSERT INTO rl_order_log (order_row) VALUES (to_jsonb(NEW));
