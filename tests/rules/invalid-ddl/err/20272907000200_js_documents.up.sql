CREATE TABLE IF NOT EXISTS js_documents (
    id bigint PRIMARY KEY,
    body jsonb NOT NULL DEFAULT '{a'::jsonb
);
CREATE TABLE IF NOT EXISTS js_flags (id bigint PRIMARY KEY, flags json);
ALTER TABLE js_flags ALTER COLUMN flags SET DEFAULT '[true, ]'::json;
CREATE OR REPLACE VIEW js_defaults AS SELECT 'none'::jsonb AS settings;
