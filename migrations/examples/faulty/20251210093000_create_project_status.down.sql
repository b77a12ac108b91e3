DROP TYPE IF EXISTS project_priority;
DROP ROLE IF EXISTS project_reader;
DROP TYPE IF EXISTS project_status;
