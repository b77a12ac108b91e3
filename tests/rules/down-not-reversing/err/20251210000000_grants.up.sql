GRANT SELECT, UPDATE (name) ON users TO app_reader, PUBLIC;
GRANT SELECT ON customers TO app_reader;
