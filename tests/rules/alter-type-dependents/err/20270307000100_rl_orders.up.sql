CREATE TABLE IF NOT EXISTS rl_orders (id bigint PRIMARY KEY, number text NOT NULL, deleted_at timestamp);
CREATE TABLE IF NOT EXISTS rl_order_log (order_id integer, number text);
CREATE OR REPLACE RULE rl_orders_soft_delete AS ON DELETE TO rl_orders
    DO INSTEAD UPDATE rl_orders SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
CREATE OR REPLACE RULE rl_orders_log AS ON INSERT TO rl_orders
    DO ALSO INSERT INTO rl_order_log (order_id, number) VALUES (NEW.id, NEW.number);
