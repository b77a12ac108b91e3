-- Column types that age badly: a serial integer key (runs out at 2^31 and is not an identity
-- column), varchar(n), char(n), timestamp without a time zone, json instead of jsonb; and an
-- index name longer than PostgreSQL's 63 bytes, which it silently cuts.
SET lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS project_tasks (
    id          serial PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id),
    title       varchar(200) NOT NULL,
    priority    char(1) NOT NULL DEFAULT 'n',
    due_at      timestamp,
    details     json
);

CREATE INDEX IF NOT EXISTS project_tasks_open_tasks_by_project_and_due_date_for_weekly_digest_idx
    ON project_tasks (project_id, due_at);
