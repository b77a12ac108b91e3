DROP FUNCTION IF EXISTS jobq.default_cancelled();
DROP FUNCTION IF EXISTS jobq.cancel_jobs(anyarray);
DROP FUNCTION IF EXISTS jobq.cancel_job(bigint);
