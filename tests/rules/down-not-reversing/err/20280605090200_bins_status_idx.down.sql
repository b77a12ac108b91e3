CREATE INDEX IF NOT EXISTS bins_status_idx ON bins (status);
