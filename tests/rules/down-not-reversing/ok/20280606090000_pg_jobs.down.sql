DROP FUNCTION IF EXISTS pgv_job_cost(bigint);
DROP VIEW IF EXISTS pgv_tenant_jobs;
DROP TABLE IF EXISTS pg_jobs_t;
