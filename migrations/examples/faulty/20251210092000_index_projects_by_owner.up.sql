CREATE INDEX ON projects (owner_id);
