CREATE OR REPLACE FUNCTION rl_plan_note(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'plan ' || code $$;
CREATE OR REPLACE RULE rl_plans_audit_insert AS ON INSERT TO rl_plans
    DO ALSO INSERT INTO rl_audit.plan_changes (new_row) VALUES (to_jsonb(rl_plan_note(NEW.code)));
