-- made again as plain tables: row level security off, the default replica identity, in no
-- publication
CREATE TABLE IF NOT EXISTS typing_events (id bigint PRIMARY KEY, channel_id bigint NOT NULL);
CREATE TABLE IF NOT EXISTS read_marks (id bigint PRIMARY KEY, channel_id bigint NOT NULL);
ALTER TABLE read_marks ENABLE ROW LEVEL SECURITY;
