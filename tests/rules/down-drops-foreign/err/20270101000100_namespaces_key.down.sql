-- DROP CONSTRAINT drops the constraint's index too: the earlier migration's index is gone.
ALTER TABLE ns_namespaces DROP CONSTRAINT ns_namespaces_parent_name_key;
