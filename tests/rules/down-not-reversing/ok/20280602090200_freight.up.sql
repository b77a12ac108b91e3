CREATE TABLE IF NOT EXISTS freight (id bigint PRIMARY KEY, status text NOT NULL);
CREATE TABLE IF NOT EXISTS freight_items (
    id bigint PRIMARY KEY,
    freight_id bigint NOT NULL REFERENCES freight (id) ON DELETE CASCADE
);
