-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS project_tasks_due_at_idx;
