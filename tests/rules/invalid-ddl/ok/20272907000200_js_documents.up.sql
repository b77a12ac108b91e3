CREATE TABLE IF NOT EXISTS js_documents (
    id bigint PRIMARY KEY,
    body jsonb NOT NULL DEFAULT '{"a": []}'::jsonb,
    CHECK (body <> '"none"'::jsonb)
);
CREATE OR REPLACE VIEW js_defaults AS SELECT jsonb '{"theme": "dark"}' AS settings;
