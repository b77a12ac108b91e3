-- only members may call it and read the notes
REVOKE EXECUTE ON FUNCTION inbox_is_owner(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_is_owner(bigint) TO inbox_member;
GRANT SELECT ON inbox_notes TO inbox_member;
-- a REVOKE IN SCHEMA of PUBLIC's EXECUTE takes nothing: PUBLIC's is given without an entry
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
