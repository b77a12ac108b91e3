REVOKE ALL ON SCHEMA public FROM dor_pub_reader;
DROP ROLE IF EXISTS dor_pub_reader;
DROP OWNED BY dor_pub_writer;
DROP ROLE IF EXISTS dor_pub_writer;
-- the auditor's privileges: ON ALL TABLES IN SCHEMA reaches the table
REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM dor_pub_auditor;
REVOKE USAGE, CREATE ON SCHEMA public FROM dor_pub_auditor;
DROP ROLE IF EXISTS dor_pub_auditor;
