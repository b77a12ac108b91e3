-- Task dependencies keyed by uuid, while project_tasks.id is an integer: PostgreSQL has no
-- equality between uuid and integer, so the foreign key cannot be made.
CREATE TABLE IF NOT EXISTS project_task_links (
    task_id     uuid NOT NULL REFERENCES project_tasks (id),
    blocked_by  integer NOT NULL REFERENCES project_tasks (id),
    PRIMARY KEY (task_id, blocked_by)
);
