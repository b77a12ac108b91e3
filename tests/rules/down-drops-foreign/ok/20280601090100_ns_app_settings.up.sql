CREATE SCHEMA IF NOT EXISTS ns_app;
CREATE OR REPLACE FUNCTION ns_app.ns_setting(p_account bigint, p_key text) RETURNS text
LANGUAGE sql AS $$ SELECT p_key $$;
