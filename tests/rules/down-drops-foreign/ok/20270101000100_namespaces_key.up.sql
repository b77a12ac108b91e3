-- The index an earlier migration built becomes the constraint's (renamed to it).
ALTER TABLE ns_namespaces ADD CONSTRAINT ns_namespaces_parent_name_key
    UNIQUE USING INDEX ns_namespaces_parent_name;
