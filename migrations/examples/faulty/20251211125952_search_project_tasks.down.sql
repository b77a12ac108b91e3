DROP INDEX IF EXISTS project_tasks_title_search;
