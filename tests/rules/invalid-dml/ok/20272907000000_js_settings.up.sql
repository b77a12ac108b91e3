CREATE TABLE IF NOT EXISTS js_settings (key text PRIMARY KEY, value jsonb NOT NULL DEFAULT '{}');
UPDATE js_settings SET value = jsonb_set(value, '{theme}', '"dark"') WHERE key = 'ui';
UPDATE js_settings SET value = jsonb_set(value, ' {theme}', to_jsonb('dark'::text)) WHERE key = 'ui';
INSERT INTO js_settings (key, value)
VALUES ('limits', CAST('[1, 2.5, -0, 1e3, true, false, null]' AS jsonb)),
       ('text', jsonb '{"a": "tab\tand \u00e9", "b": {"c": []}}'),
       ('spaced', E' \n{ "a" : 1 } \r\n'::jsonb);
UPDATE js_settings SET value = jsonb_insert(value, '{tags, 0}', '"new"') WHERE key = 'ui';
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM js_settings WHERE key = 'legacy') THEN
        -- Parsed only when the branch runs.
        UPDATE js_settings SET value = 'legacy'::jsonb;
    END IF;
END
$$;
