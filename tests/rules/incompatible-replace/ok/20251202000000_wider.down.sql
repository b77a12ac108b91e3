-- Dropped first, so the narrower view can be created again.
DROP VIEW IF EXISTS active_users;
CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;
CREATE OR REPLACE FUNCTION user_count(since timestamptz) RETURNS bigint
  LANGUAGE sql AS $$ SELECT count(*) FROM users WHERE last_seen_at >= since $$;
