CREATE TABLE IF NOT EXISTS audit_docs (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS audit_docs_log (id bigint);
