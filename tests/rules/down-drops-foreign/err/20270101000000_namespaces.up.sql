CREATE TABLE ns_namespaces (id bigint PRIMARY KEY, parent_id bigint, name text NOT NULL);
CREATE UNIQUE INDEX ns_namespaces_parent_name ON ns_namespaces (parent_id, name);
