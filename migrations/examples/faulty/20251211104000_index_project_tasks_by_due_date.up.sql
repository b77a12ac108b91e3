-- sqlgate:no-transaction
-- CREATE INDEX CONCURRENTLY IF NOT EXISTS alone: when a first attempt fails half-way, it
-- leaves an invalid index behind, and the retry keeps it because the name exists.
CREATE INDEX CONCURRENTLY IF NOT EXISTS project_tasks_due_at_idx ON project_tasks (due_at);
