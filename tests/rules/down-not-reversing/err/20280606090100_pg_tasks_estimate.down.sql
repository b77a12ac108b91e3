-- CREATE OR REPLACE cannot drop a view column: dropped and made again, without the GRANT
DROP VIEW IF EXISTS pgv_tenant_tasks;
CREATE OR REPLACE VIEW pgv_tenant_tasks AS SELECT id, title FROM pg_tasks_t;
-- made again without the EXECUTE the earlier migration granted
DROP FUNCTION IF EXISTS pgv_balance(bigint);
CREATE FUNCTION pgv_balance(p bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT estimate FROM pg_tasks_t WHERE id = p $$;
