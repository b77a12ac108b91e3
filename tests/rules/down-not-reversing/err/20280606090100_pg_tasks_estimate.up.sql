CREATE OR REPLACE VIEW pgv_tenant_tasks AS SELECT id, title, estimate FROM pg_tasks_t;
DROP FUNCTION IF EXISTS pgv_balance(bigint);
CREATE FUNCTION pgv_balance(p bigint) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT estimate::numeric FROM pg_tasks_t WHERE id = p $$;
GRANT EXECUTE ON FUNCTION pgv_balance(bigint) TO pgv_caller;
