CREATE TYPE ae_job_state AS ENUM ('available', 'running', 'completed');
-- Labels changed where the replay does not see it.
UPDATE pg_catalog.pg_enum SET enumlabel = 'ready' WHERE enumlabel = 'available' AND enumtypid = 'ae_job_state'::regtype;
