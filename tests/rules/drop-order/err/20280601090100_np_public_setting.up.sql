CREATE OR REPLACE FUNCTION public.np_setting(p_key text) RETURNS text
LANGUAGE sql AS $$ SELECT p_key $$;
