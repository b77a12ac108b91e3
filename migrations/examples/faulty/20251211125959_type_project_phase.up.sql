-- phase has a default of type text, and PostgreSQL casts a default to the new type on its own
-- only where an assignment cast exists: none leads into an enum, so it refuses the ALTER
-- ("default for column "phase" cannot be cast automatically to type project_status").
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS phase text NOT NULL DEFAULT 'planned';
ALTER TABLE projects ALTER COLUMN phase TYPE project_status USING phase::project_status;
