SET lock_timeout = '5s';
DROP INDEX IF EXISTS project_tasks_open_tasks_by_project_and_due_date_for_weekly_digest_idx;
DROP TABLE IF EXISTS project_tasks;
