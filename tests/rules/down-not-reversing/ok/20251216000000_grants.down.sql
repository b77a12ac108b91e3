REVOKE ALL ON users FROM app_reader, PUBLIC;
DROP OWNED BY app_writer;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM app_auditor;
