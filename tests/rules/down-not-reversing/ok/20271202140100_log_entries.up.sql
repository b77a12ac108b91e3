CREATE TABLE IF NOT EXISTS log_entries (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS log_entries_archive (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
