GRANT SELECT, UPDATE (name) ON users TO app_reader, PUBLIC;
GRANT SELECT ON users TO app_writer;
GRANT INSERT ON users TO app_auditor;
