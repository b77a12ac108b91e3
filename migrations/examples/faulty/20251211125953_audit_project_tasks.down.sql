DROP TRIGGER IF EXISTS project_tasks_log_changes ON project_tasks;
DROP FUNCTION IF EXISTS log_project_task_changes();
DROP TABLE IF EXISTS project_task_changes;
