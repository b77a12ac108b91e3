-- One statement-level audit trigger for inserts and updates: with transition tables PostgreSQL
-- wants one trigger per event.
CREATE TABLE IF NOT EXISTS project_task_changes (
    task_id    bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION log_project_task_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO project_task_changes (task_id) SELECT id FROM changed_tasks;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER project_tasks_log_changes
    AFTER INSERT OR UPDATE ON project_tasks
    REFERENCING NEW TABLE AS changed_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION log_project_task_changes();
