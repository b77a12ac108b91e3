DROP TRIGGER IF EXISTS projects_touch ON projects;
DROP FUNCTION IF EXISTS touch_project();
DROP VIEW IF EXISTS active_projects;
