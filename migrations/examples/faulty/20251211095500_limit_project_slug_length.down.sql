ALTER DOMAIN project_slug DROP CONSTRAINT IF EXISTS project_slug_length;
