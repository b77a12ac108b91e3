DROP TABLE IF EXISTS js_settings;
