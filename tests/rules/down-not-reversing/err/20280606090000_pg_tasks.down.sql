DROP FUNCTION IF EXISTS pgv_balance(bigint);
DROP VIEW IF EXISTS pgv_tenant_tasks;
DROP TABLE IF EXISTS pg_tasks_t;
