CREATE TABLE nv_department (id bigint PRIMARY KEY, name text NOT NULL, UNIQUE (name));
CREATE INDEX nv_department_name_lower ON nv_department (lower(name));
