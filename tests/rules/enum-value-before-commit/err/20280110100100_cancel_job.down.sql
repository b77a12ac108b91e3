DROP FUNCTION IF EXISTS jobq.cancel_job(bigint);
