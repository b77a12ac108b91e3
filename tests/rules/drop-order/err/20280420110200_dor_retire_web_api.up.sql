REVOKE USAGE ON SCHEMA public FROM dor_web_api;
DROP ROLE IF EXISTS dor_web_api;
