-- sqlgate:no-transaction
-- A value added and used: in one transaction PostgreSQL refuses the use (unsafe use of new
-- value, 55P04); the marker commits the ALTER TYPE first.
ALTER TYPE job_state ADD VALUE IF NOT EXISTS 'paused' AFTER 'running';
UPDATE jobs SET state = 'paused' WHERE state = 'running';
