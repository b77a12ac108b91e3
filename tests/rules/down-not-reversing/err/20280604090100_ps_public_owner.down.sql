-- PostgreSQL 15 makes public owned by pg_database_owner, with the comment 'standard public schema'
ALTER SCHEMA public OWNER TO postgres;
COMMENT ON SCHEMA public IS NULL;
