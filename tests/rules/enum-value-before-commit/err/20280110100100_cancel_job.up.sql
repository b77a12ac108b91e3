ALTER TYPE jobq.job_state ADD VALUE IF NOT EXISTS 'cancelled' AFTER 'failed';
-- PostgreSQL analyzes a LANGUAGE sql body when the function is made: 'cancelled' is read as a
-- job_state there (unsafe use of new value "cancelled" of enum type jobq.job_state)
CREATE OR REPLACE FUNCTION jobq.cancel_job(job_id bigint) RETURNS boolean
LANGUAGE sql VOLATILE
AS $$
    WITH c AS (
        UPDATE jobq.jobs SET state = 'cancelled' WHERE id = job_id AND state = 'available' RETURNING 1
    )
    SELECT count(*) > 0 FROM c;
$$;
