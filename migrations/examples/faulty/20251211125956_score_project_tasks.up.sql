-- The priority letter becomes a number: char(1) has no automatic cast to integer, so PostgreSQL
-- refuses the ALTER without USING.
ALTER TABLE project_tasks ALTER COLUMN priority DROP DEFAULT;
ALTER TABLE project_tasks ALTER COLUMN priority TYPE integer;
