-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS project_tasks_project_id_idx;
