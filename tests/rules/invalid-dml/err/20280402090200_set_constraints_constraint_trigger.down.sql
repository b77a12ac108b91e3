DROP TABLE IF EXISTS ct_projects;
DROP FUNCTION IF EXISTS ct_check_project();
