CREATE TABLE IF NOT EXISTS audit_log (id bigserial PRIMARY KEY);
