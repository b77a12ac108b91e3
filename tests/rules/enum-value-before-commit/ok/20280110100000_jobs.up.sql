CREATE SCHEMA IF NOT EXISTS jobq;
CREATE TYPE jobq.job_state AS ENUM ('available', 'running', 'completed', 'failed');
CREATE TABLE IF NOT EXISTS jobq.jobs (id bigint PRIMARY KEY, state jobq.job_state NOT NULL DEFAULT 'available');
