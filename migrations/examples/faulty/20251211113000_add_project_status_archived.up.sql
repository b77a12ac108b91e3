-- ALTER TYPE ... ADD VALUE without BEFORE or AFTER: the value goes last, and the enum's sort
-- order (ORDER BY status, status > 'running') may not be what the author meant.
ALTER TYPE project_status ADD VALUE IF NOT EXISTS 'archived';
