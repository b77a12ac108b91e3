DROP VIEW IF EXISTS pgv_tenant_jobs;
CREATE OR REPLACE VIEW pgv_tenant_jobs AS SELECT id, title FROM pg_jobs_t;
-- a dropped object's privileges go with it: given again
GRANT SELECT, INSERT, UPDATE, DELETE ON pgv_tenant_jobs TO PUBLIC;
DROP FUNCTION IF EXISTS pgv_job_cost(bigint);
CREATE FUNCTION pgv_job_cost(p bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT estimate FROM pg_jobs_t WHERE id = p $$;
GRANT EXECUTE ON FUNCTION pgv_job_cost(bigint) TO pgv_caller;
