ALTER TYPE job_state ADD VALUE IF NOT EXISTS 'scheduled' BEFORE 'ready';
-- A label the type has: PostgreSQL skips the statement before it looks for the other label.
ALTER TYPE job_state ADD VALUE IF NOT EXISTS 'running' AFTER 'available';
ALTER TYPE run_state ADD VALUE IF NOT EXISTS 'queued' AFTER 'created';
ALTER TYPE step_state ADD VALUE IF NOT EXISTS 'blocked' AFTER 'pending';
