DROP VIEW IF EXISTS js_defaults;
DROP TABLE IF EXISTS js_documents;
