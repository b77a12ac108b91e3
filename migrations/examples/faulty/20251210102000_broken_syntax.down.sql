DROP TABLE IF EXISTS project_notes;
