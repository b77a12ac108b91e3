-- The enum rebuild: the constants of the index, the CHECK and the predicates keep the old enum.
ALTER TYPE job_state RENAME TO job_state_old;
CREATE TYPE job_state AS ENUM ('available', 'running', 'completed', 'failed');
ALTER TABLE jobs ALTER COLUMN state DROP DEFAULT;
ALTER TABLE jobs ALTER COLUMN state TYPE job_state USING state::text::job_state;
ALTER TABLE jobs ALTER COLUMN state SET DEFAULT 'available';
ALTER TABLE runs ALTER COLUMN state TYPE job_state USING state::text::job_state;
-- Off the enum: to text, to an integer.
ALTER TABLE steps ALTER COLUMN state TYPE text;
ALTER TABLE tasks ALTER COLUMN state TYPE integer USING 0;
DROP TYPE job_state_old;
