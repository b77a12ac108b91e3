-- DROP COLUMN takes the column's index along: the DROP INDEX after it finds nothing.
ALTER TABLE projects DROP COLUMN IF EXISTS code;
DROP INDEX IF EXISTS projects_code_idx;
