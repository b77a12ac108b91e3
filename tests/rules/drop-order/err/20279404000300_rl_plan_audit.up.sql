CREATE SCHEMA IF NOT EXISTS rl_audit;
CREATE TABLE IF NOT EXISTS rl_plans (code text PRIMARY KEY, price_cents integer NOT NULL);
CREATE TABLE IF NOT EXISTS rl_audit.plan_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at timestamptz NOT NULL DEFAULT now(),
    old_row jsonb,
    new_row jsonb
);
CREATE OR REPLACE RULE rl_plans_audit_update AS ON UPDATE TO rl_plans
    DO ALSO INSERT INTO rl_audit.plan_changes (old_row, new_row) VALUES (to_jsonb(OLD), to_jsonb(NEW));
