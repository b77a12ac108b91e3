REVOKE EXECUTE ON FUNCTION inbox_is_owner(bigint) FROM inbox_member;
-- PUBLIC had EXECUTE before the up; inbox_anon never had it
GRANT EXECUTE ON FUNCTION inbox_is_owner(bigint) TO PUBLIC, inbox_anon;
REVOKE SELECT ON inbox_notes FROM inbox_member;
GRANT SELECT ON inbox_notes TO inbox_anon;
-- adds an entry for schema public that was not there
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
