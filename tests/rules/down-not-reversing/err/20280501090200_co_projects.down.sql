DROP VIEW IF EXISTS co_recent_projects;
DROP VIEW IF EXISTS co_active_projects;
DROP TABLE IF EXISTS co_projects;
