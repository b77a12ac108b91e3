CREATE SCHEMA IF NOT EXISTS np_app;
CREATE OR REPLACE FUNCTION np_app.np_setting(p_account bigint, p_key text) RETURNS text
LANGUAGE sql AS $$ SELECT p_key $$;
