CREATE TABLE IF NOT EXISTS rl_orders (id bigint PRIMARY KEY, number text NOT NULL, deleted_at timestamptz);
CREATE TABLE IF NOT EXISTS rl_order_events (order_id bigint NOT NULL, kind text NOT NULL);
CREATE OR REPLACE RULE rl_orders_soft_delete AS ON DELETE TO rl_orders
    DO INSTEAD UPDATE rl_orders SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL
    RETURNING rl_orders.*;
CREATE OR REPLACE RULE rl_orders_created AS ON INSERT TO rl_orders
    DO ALSO INSERT INTO rl_order_events (order_id, kind) VALUES (NEW.id, 'created');
CREATE TABLE IF NOT EXISTS rl_tags (name text PRIMARY KEY);
CREATE OR REPLACE RULE rl_tags_no_delete AS ON DELETE TO rl_tags DO INSTEAD NOTHING;
CREATE OR REPLACE RULE rl_tags_no_insert AS ON INSERT TO rl_tags WHERE NEW.name = '' DO INSTEAD NOTHING;
CREATE OR REPLACE RULE rl_order_events_log AS ON DELETE TO rl_order_events DO ALSO NOTIFY rl_order_events;
