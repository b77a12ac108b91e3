-- sqlgate:frobnicate
CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, at timestamptz NOT NULL);
