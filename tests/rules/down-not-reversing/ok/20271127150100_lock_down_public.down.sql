-- What PostgreSQL 15 gives PUBLIC on schema public, and no more.
GRANT USAGE ON SCHEMA public TO PUBLIC;
