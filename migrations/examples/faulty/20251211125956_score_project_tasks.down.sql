ALTER TABLE project_tasks ALTER COLUMN priority TYPE char(1);
ALTER TABLE project_tasks ALTER COLUMN priority SET DEFAULT 'n';
