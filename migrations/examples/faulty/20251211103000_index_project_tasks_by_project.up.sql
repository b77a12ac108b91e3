-- CREATE INDEX CONCURRENTLY in a file without the no-transaction marker: the runner wraps the
-- file in a transaction, and PostgreSQL refuses CONCURRENTLY inside one.
DROP INDEX CONCURRENTLY IF EXISTS project_tasks_project_id_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS project_tasks_project_id_idx
    ON project_tasks (project_id);
