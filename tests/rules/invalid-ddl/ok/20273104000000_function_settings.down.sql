ALTER DATABASE postgres RESET app.mode;
ALTER ROLE CURRENT_USER RESET statement_timeout;
DROP FUNCTION IF EXISTS fixj_slow();
DROP FUNCTION IF EXISTS fixj_tenant(bigint);
