-- the entry the GRANT made in dp_template: pg_default_acl keys it by the schema's OID
ALTER DEFAULT PRIVILEGES IN SCHEMA dp_blueprint REVOKE SELECT ON TABLES FROM dp_reader;
