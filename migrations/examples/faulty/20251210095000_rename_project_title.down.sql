SET lock_timeout = '5s';
-- sqlgate:run-once reverses the rename of the up exactly once
ALTER TABLE projects RENAME COLUMN name TO title;
