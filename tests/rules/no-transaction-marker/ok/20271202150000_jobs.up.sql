CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');
CREATE TABLE IF NOT EXISTS jobs (id bigint PRIMARY KEY, state job_state NOT NULL DEFAULT 'queued');
