-- Columns added at the end; the same result type and parameter names, spelt otherwise.
CREATE OR REPLACE VIEW active_users AS
  SELECT users.id, users.email AS email, users.last_seen_at FROM users;
CREATE OR REPLACE FUNCTION user_count(since timestamp with time zone) RETURNS int8
  LANGUAGE sql AS $$ SELECT count(*) FROM users WHERE last_seen_at > since $$;
