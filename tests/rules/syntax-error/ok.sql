CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, name text NOT NULL);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
    CREATE TYPE mood AS ENUM ('happy', 'sad');
  END IF;
END
$$;
