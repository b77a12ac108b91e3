DROP TABLE IF EXISTS audit_docs_log;
DROP TABLE IF EXISTS audit_docs;
