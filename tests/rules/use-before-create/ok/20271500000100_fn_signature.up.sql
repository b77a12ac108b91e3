CREATE OR REPLACE FUNCTION tenant_name(p_tenant bigint) RETURNS text LANGUAGE sql AS $$ SELECT p_tenant::text $$;
REVOKE EXECUTE ON FUNCTION tenant_name(int8) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.tenant_name(p bigint) TO PUBLIC;
-- a variadic array by its internal name, and a procedure's OUT argument in its signature
CREATE OR REPLACE FUNCTION sum_all(VARIADIC a integer[]) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
ALTER FUNCTION sum_all(_int4) STABLE;
CREATE OR REPLACE PROCEDURE next_id(a integer, OUT b integer) LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE next_id(integer, integer) IS 'x';
-- pg_catalog's lower(), and a signature the migrations never name otherwise
GRANT EXECUTE ON FUNCTION lower(text) TO PUBLIC;
DROP FUNCTION IF EXISTS tenant_name(integer);
-- made by dynamic SQL the replay does not follow
DO $$ BEGIN EXECUTE format('CREATE FUNCTION %I(integer) RETURNS text LANGUAGE sql AS ''SELECT 1::text''', 'tenant_name'); END $$;
ALTER FUNCTION tenant_name(integer) STABLE;
