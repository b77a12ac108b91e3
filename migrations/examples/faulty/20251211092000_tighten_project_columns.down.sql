SET lock_timeout = '5s';
ALTER TABLE projects ALTER COLUMN owner_id SET NOT NULL;
ALTER TABLE project_tags ALTER COLUMN tag DROP NOT NULL;
