CREATE OR REPLACE FUNCTION fs.get_setting(p_key text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$ SELECT coalesce(v, '{}'::jsonb) FROM fs.settings WHERE k = p_key $$;
