DROP FUNCTION IF EXISTS fixj_slow();
DROP FUNCTION IF EXISTS fixj_tenant(bigint);
