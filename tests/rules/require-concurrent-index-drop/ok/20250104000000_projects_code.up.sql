ALTER TABLE projects ADD COLUMN IF NOT EXISTS code text;
-- sqlgate:ignore require-concurrent-index -- the table is small
CREATE INDEX IF NOT EXISTS projects_code_idx ON projects (code);
