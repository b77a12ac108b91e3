SET lock_timeout = '5s';
ALTER TABLE projects RENAME COLUMN title TO name;
