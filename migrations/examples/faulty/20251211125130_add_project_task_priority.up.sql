-- A second branch added the priority column again, as text: project_tasks has it already
-- (char(1), 20251211090000), so PostgreSQL fails here on a fresh database.
ALTER TABLE project_tasks ADD COLUMN priority text NOT NULL DEFAULT 'normal';
