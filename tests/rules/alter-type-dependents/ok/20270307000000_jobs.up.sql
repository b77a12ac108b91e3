CREATE TYPE job_state AS ENUM ('available', 'running', 'completed');
CREATE TABLE IF NOT EXISTS jobs (id bigint PRIMARY KEY, state job_state NOT NULL DEFAULT 'available');
CREATE INDEX IF NOT EXISTS jobs_available_idx ON jobs (id) WHERE state = 'available';
CREATE TABLE IF NOT EXISTS runs (id bigint PRIMARY KEY, state job_state NOT NULL, CONSTRAINT runs_state_check CHECK (state <> 'completed'));
