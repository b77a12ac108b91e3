DROP FUNCTION IF EXISTS tenant_name(integer);
DROP PROCEDURE IF EXISTS next_id(integer);
DROP FUNCTION IF EXISTS sum_all(integer[]);
DROP FUNCTION IF EXISTS tenant_name(bigint);
