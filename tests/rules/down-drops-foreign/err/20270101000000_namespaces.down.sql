DROP TABLE ns_namespaces;
