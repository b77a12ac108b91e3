CREATE TABLE IF NOT EXISTS pg_tasks_t (id bigint PRIMARY KEY, title text NOT NULL, estimate integer);
CREATE OR REPLACE VIEW pgv_tenant_tasks AS SELECT id, title FROM pg_tasks_t;
GRANT SELECT, INSERT, UPDATE, DELETE ON pgv_tenant_tasks TO PUBLIC;
CREATE OR REPLACE FUNCTION pgv_balance(p bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT estimate FROM pg_tasks_t WHERE id = p $$;
GRANT EXECUTE ON FUNCTION pgv_balance(bigint) TO pgv_caller;
