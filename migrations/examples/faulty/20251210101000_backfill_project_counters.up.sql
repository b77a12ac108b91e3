SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS task_count integer NOT NULL DEFAULT 0;

UPDATE projects SET task_count = task_count + 1;

ALTER TABLE projects ALTER COLUMN task_count TYPE bigint USING task_count * 10;
