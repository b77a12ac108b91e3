DROP TABLE IF EXISTS project_roles;
