CREATE SCHEMA IF NOT EXISTS fs;
CREATE TABLE IF NOT EXISTS fs.settings (k text PRIMARY KEY, v jsonb);
CREATE OR REPLACE FUNCTION fs.get_setting(p_key text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = fs
AS $$ SELECT v FROM settings WHERE k = p_key $$;
