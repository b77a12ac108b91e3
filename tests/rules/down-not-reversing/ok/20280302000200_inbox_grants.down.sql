REVOKE EXECUTE ON FUNCTION inbox_is_owner(bigint) FROM inbox_member;
GRANT EXECUTE ON FUNCTION inbox_is_owner(bigint) TO PUBLIC, inbox_anon;
REVOKE SELECT ON inbox_notes FROM inbox_member;
GRANT SELECT ON inbox_notes TO inbox_anon;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO inbox_anon;
-- the only table of its schema: ALL TABLES IN SCHEMA gives back just that
GRANT SELECT ON ALL TABLES IN SCHEMA inbox_vault TO inbox_auditor;
