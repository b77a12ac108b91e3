DROP TABLE IF EXISTS mw_import;
DROP TABLE IF EXISTS mw_preferences;
