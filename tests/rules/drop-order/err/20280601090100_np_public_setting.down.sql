SET LOCAL search_path = np_app, public;
-- np_app.np_setting(bigint, text) and public.np_setting(text) are both on the path
DROP FUNCTION IF EXISTS np_setting;
