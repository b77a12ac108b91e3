ALTER FUNCTION fs.get_setting(text) SET search_path = fs, pg_temp;
ALTER FUNCTION fs.get_setting(text) SECURITY DEFINER;
