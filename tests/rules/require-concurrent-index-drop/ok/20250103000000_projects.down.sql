-- The index went with its table on the line before (NOTICE: index "projects_tenant_idx" does not
-- exist, skipping): the DROP INDEX locks nothing. (drop-order says it does nothing.)
DROP TABLE IF EXISTS projects;
DROP INDEX IF EXISTS projects_tenant_idx;
