SET LOCAL search_path = ns_app, public;
-- ns_app.ns_setting(bigint, text) and public.ns_setting(text) both fit: PostgreSQL refuses it
-- ("function name "ns_setting" is not unique", drop-order's), and drops neither
DROP FUNCTION ns_setting;
