CREATE TABLE IF NOT EXISTS rl_orders (
    id bigint PRIMARY KEY,
    number text NOT NULL,
    total_cents bigint NOT NULL,
    deleted_at timestamptz
);
CREATE OR REPLACE RULE rl_orders_soft_delete AS ON DELETE TO rl_orders
    DO INSTEAD UPDATE rl_orders SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
CREATE SCHEMA IF NOT EXISTS rl_audit;
CREATE TABLE IF NOT EXISTS rl_plans (code text PRIMARY KEY, price_cents integer NOT NULL);
CREATE TABLE IF NOT EXISTS rl_audit.plan_changes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, old_row jsonb, new_row jsonb);
CREATE OR REPLACE RULE rl_plans_audit_update AS ON UPDATE TO rl_plans
    DO ALSO INSERT INTO rl_audit.plan_changes (old_row, new_row) VALUES (to_jsonb(OLD), to_jsonb(NEW));
CREATE TABLE IF NOT EXISTS rl_sessions (id bigint PRIMARY KEY, expires_at timestamptz NOT NULL);
CREATE OR REPLACE RULE rl_sessions_keep AS ON UPDATE TO rl_sessions DO INSTEAD NOTHING;
