CREATE OR REPLACE VIEW active_users AS SELECT id, lower(email), last_seen_at FROM users;
CREATE OR REPLACE FUNCTION user_count(since timestamptz) RETURNS int
  LANGUAGE sql AS $$ SELECT count(*)::int FROM users WHERE last_seen_at > since $$;
CREATE OR REPLACE FUNCTION user_count(from_time timestamptz) RETURNS int
  LANGUAGE sql AS $$ SELECT count(*)::int FROM users WHERE last_seen_at > from_time $$;
CREATE OR REPLACE VIEW active_users (id, address) AS SELECT id, email, last_seen_at FROM users;
