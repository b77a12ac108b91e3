DO $$
BEGIN
  CREATE TYPE mood AS ENUM ('calm', 'busy');
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;
CREATE TABLE IF NOT EXISTS moods_log (id bigint PRIMARY KEY, mood mood NOT NULL);
