DROP TABLE IF EXISTS project_tags;
