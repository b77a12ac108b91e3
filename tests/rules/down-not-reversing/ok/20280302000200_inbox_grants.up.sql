-- taken from roles that had it outside the migrations (a platform's default privileges): the
-- down gives it back
REVOKE EXECUTE ON FUNCTION inbox_is_owner(bigint) FROM PUBLIC, inbox_anon;
GRANT EXECUTE ON FUNCTION inbox_is_owner(bigint) TO inbox_member;
REVOKE SELECT ON inbox_notes FROM inbox_anon;
GRANT SELECT ON inbox_notes TO inbox_member;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM inbox_anon;
REVOKE SELECT ON inbox_vault.secrets FROM inbox_auditor;
