SET lock_timeout = '5s';
CREATE INDEX ON projects (owner_id);
