CREATE OR REPLACE FUNCTION public.ns_setting(p_key text) RETURNS text
LANGUAGE sql AS $$ SELECT p_key $$;
