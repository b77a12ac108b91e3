CREATE TABLE IF NOT EXISTS bins (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX IF NOT EXISTS bins_status_idx ON bins (status);
