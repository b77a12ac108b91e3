-- ALTER TYPE ... ADD VALUE without BEFORE or AFTER: the value goes last, and the enum's sort
-- order (ORDER BY status, status > 'running') may not be what the author meant.
ALTER TYPE project_status ADD VALUE IF NOT EXISTS 'archived';
-- The new value used in the same migration: PostgreSQL refuses it until the transaction that
-- adds it commits ("unsafe use of new value"), so this migration fails on every database.
CREATE OR REPLACE FUNCTION project_status_is_final(status project_status) RETURNS boolean
LANGUAGE sql IMMUTABLE
RETURN status IN ('done'::project_status, 'archived'::project_status);
