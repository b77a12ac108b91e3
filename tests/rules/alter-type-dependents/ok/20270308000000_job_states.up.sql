-- The same enum: its constants parse as they did.
ALTER TABLE jobs ALTER COLUMN state TYPE job_state USING state;
-- The enum rebuild with the index dropped first and made again after it, and the CHECK dropped
-- by the ALTER TABLE that changes the type.
DROP INDEX IF EXISTS jobs_available_idx;
ALTER TYPE job_state RENAME TO job_state_old;
CREATE TYPE job_state AS ENUM ('available', 'running', 'completed', 'failed');
ALTER TABLE jobs ALTER COLUMN state DROP DEFAULT, ALTER COLUMN state TYPE job_state USING state::text::job_state, ALTER COLUMN state SET DEFAULT 'available';
CREATE INDEX IF NOT EXISTS jobs_available_idx ON jobs (id) WHERE state = 'available';
ALTER TABLE runs DROP CONSTRAINT runs_state_check, ALTER COLUMN state TYPE job_state USING state::text::job_state;
DROP TYPE job_state_old;
