-- NOT NULL switched on and off in place: SET NOT NULL scans the whole table under an ACCESS
-- EXCLUSIVE lock; DROP NOT NULL breaks the readers that count on the column being set.
SET lock_timeout = '5s';
ALTER TABLE project_tags ALTER COLUMN tag SET NOT NULL;
ALTER TABLE projects ALTER COLUMN owner_id DROP NOT NULL;
