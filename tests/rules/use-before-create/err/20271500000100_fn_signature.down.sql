DROP FUNCTION IF EXISTS tenant_name(bigint);
