CREATE TABLE IF NOT EXISTS js_settings (key text PRIMARY KEY, value jsonb NOT NULL DEFAULT '{}');
-- A JSON string needs double quotes: 'dark' is not JSON.
UPDATE js_settings SET value = jsonb_set(value, '{theme}', 'dark') WHERE key = 'ui';
-- The path is a text[]: an array literal.
UPDATE js_settings SET value = jsonb_set(value, 'theme', '"dark"') WHERE key = 'ui';
INSERT INTO js_settings (key, value) VALUES ('limits', CAST('[1, 2,]' AS jsonb));
INSERT INTO js_settings (key, value) VALUES ('retry', jsonb '{"after": 05}');
UPDATE js_settings SET value = value || '{theme: "dark"}'::jsonb WHERE key = 'ui';
UPDATE js_settings SET value = jsonb_insert(value, '{tags, 0}', 'new') WHERE key = 'ui';
SELECT key FROM js_settings WHERE value @> '{"theme": dark}'::jsonb;
