ALTER TYPE jobq.job_state ADD VALUE IF NOT EXISTS 'cancelled' AFTER 'failed';
-- PL/pgSQL reads its statements when the function runs, after this transaction commits
CREATE OR REPLACE FUNCTION jobq.cancel_job(job_id bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
    UPDATE jobq.jobs SET state = 'cancelled' WHERE id = job_id AND state = 'available';
    RETURN FOUND;
END
$$;
-- a polymorphic argument: PostgreSQL only parses the body
CREATE OR REPLACE FUNCTION jobq.cancel_jobs(job_ids anyarray) RETURNS bigint
LANGUAGE sql VOLATILE
AS $$
    WITH c AS (
        UPDATE jobq.jobs SET state = 'cancelled' WHERE id = ANY (job_ids) RETURNING 1
    )
    SELECT count(*) FROM c;
$$;
-- a utility statement in a body is only parsed
CREATE OR REPLACE FUNCTION jobq.default_cancelled() RETURNS void
LANGUAGE sql
AS $$ ALTER TABLE jobq.jobs ALTER COLUMN state SET DEFAULT 'cancelled' $$;
