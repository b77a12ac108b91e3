-- the definition 20280601090000 wrote, without the SECURITY DEFINER and search_path that
-- 20280601090100's ALTER FUNCTION gave: CREATE OR REPLACE sets both back to their defaults
CREATE OR REPLACE FUNCTION fs.get_setting(p_key text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = fs
AS $$ SELECT v FROM settings WHERE k = p_key $$;
