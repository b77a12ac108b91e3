-- ALL gives PUBLIC CREATE too, which PostgreSQL 15 does not give it.
GRANT ALL ON SCHEMA public TO PUBLIC;
