CREATE TYPE job_state AS ENUM ('available', 'running', 'completed');
CREATE TABLE IF NOT EXISTS jobs (id bigint PRIMARY KEY, state job_state NOT NULL DEFAULT 'available');
CREATE INDEX IF NOT EXISTS jobs_available_idx ON jobs (id) WHERE state = 'available';
CREATE TABLE IF NOT EXISTS runs (id bigint PRIMARY KEY, state job_state NOT NULL, CONSTRAINT runs_state_check CHECK (state <> 'completed'));
CREATE TABLE IF NOT EXISTS steps (id bigint PRIMARY KEY, state job_state NOT NULL);
CREATE INDEX IF NOT EXISTS steps_open_idx ON steps (id) WHERE state IN ('available', 'running');
CREATE TABLE IF NOT EXISTS tasks (id bigint PRIMARY KEY, state job_state NOT NULL);
CREATE INDEX IF NOT EXISTS tasks_running_idx ON tasks (id) WHERE state = 'running'::job_state;
