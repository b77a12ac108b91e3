CREATE OR REPLACE VIEW pgv_tenant_jobs AS SELECT id, title, estimate FROM pg_jobs_t;
DROP FUNCTION IF EXISTS pgv_job_cost(bigint);
CREATE FUNCTION pgv_job_cost(p bigint) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT estimate::numeric FROM pg_jobs_t WHERE id = p $$;
GRANT EXECUTE ON FUNCTION pgv_job_cost(bigint) TO pgv_caller;
