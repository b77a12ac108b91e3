CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text, last_seen_at timestamptz);
CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;
CREATE OR REPLACE FUNCTION user_count(since timestamptz) RETURNS bigint
  LANGUAGE sql AS $$ SELECT count(*) FROM users WHERE last_seen_at >= since $$;
