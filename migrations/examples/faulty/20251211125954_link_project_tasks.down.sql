DROP TABLE IF EXISTS project_task_links;
