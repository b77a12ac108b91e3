-- '' is one schema of no name, which never exists: the path holds no schema.
SET search_path = '';
-- no schema has been selected to create in
CREATE TABLE IF NOT EXISTS pgd_notes (id bigint PRIMARY KEY);
