CREATE UNIQUE INDEX IF NOT EXISTS events3_id_key ON events3 (id);
CREATE UNIQUE INDEX IF NOT EXISTS events3_id_at_key ON events3 (id, at);
ALTER TABLE events3 ADD CONSTRAINT events3_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX IF NOT EXISTS plain_id ON plain (id);
