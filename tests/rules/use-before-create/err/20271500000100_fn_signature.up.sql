CREATE OR REPLACE FUNCTION tenant_name(p_tenant bigint) RETURNS text LANGUAGE sql AS $$ SELECT p_tenant::text $$;
REVOKE EXECUTE ON FUNCTION tenant_name(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_name(integer) TO PUBLIC;
ALTER FUNCTION tenant_name(integer) STABLE;
COMMENT ON FUNCTION tenant_name(text) IS 'the tenant''s name';
ALTER ROUTINE tenant_name(text) OWNER TO CURRENT_USER;
DROP FUNCTION tenant_name(integer);
