-- The index built again after the constraint (and its index) are dropped.
ALTER TABLE ns_namespaces DROP CONSTRAINT ns_namespaces_parent_name_key;
CREATE UNIQUE INDEX ns_namespaces_parent_name ON ns_namespaces (parent_id, name);
