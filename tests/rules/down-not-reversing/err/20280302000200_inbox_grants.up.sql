-- only members may call it and read the notes
REVOKE EXECUTE ON FUNCTION inbox_is_owner(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_is_owner(bigint) TO inbox_member;
GRANT SELECT ON inbox_notes TO inbox_member;
