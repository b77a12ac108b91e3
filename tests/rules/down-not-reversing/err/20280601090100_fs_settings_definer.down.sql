ALTER FUNCTION fs.get_setting(text) SECURITY INVOKER;
-- proconfig was {search_path=fs}: RESET leaves it empty, and settings is no longer found
ALTER FUNCTION fs.get_setting(text) RESET search_path;
