ALTER TYPE job_state ADD VALUE IF NOT EXISTS 'scheduled' BEFORE 'available';
ALTER TYPE job_state ADD VALUE IF NOT EXISTS 'queued' AFTER 'waiting';
ALTER TYPE job_state RENAME VALUE 'done' TO 'finished';
