CREATE TABLE IF NOT EXISTS pg_jobs_t (id bigint PRIMARY KEY, title text NOT NULL, estimate integer);
CREATE OR REPLACE VIEW pgv_tenant_jobs AS SELECT id, title FROM pg_jobs_t;
GRANT SELECT, INSERT, UPDATE, DELETE ON pgv_tenant_jobs TO PUBLIC;
CREATE OR REPLACE FUNCTION pgv_job_cost(p bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT estimate FROM pg_jobs_t WHERE id = p $$;
GRANT EXECUTE ON FUNCTION pgv_job_cost(bigint) TO pgv_caller;
