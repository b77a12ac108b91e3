DROP TABLE IF EXISTS project_activity;
