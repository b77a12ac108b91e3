CREATE TABLE IF NOT EXISTS ae_sessions (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  token text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ae_devices (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE INDEX IF NOT EXISTS ae_sessions_user_id_idx ON ae_sessions (user_id);
CREATE INDEX IF NOT EXISTS ae_sessions_token_idx ON ae_sessions USING hash (token);
CREATE INDEX IF NOT EXISTS ae_sessions_open_idx ON ae_sessions (created_at) WHERE token IS NOT NULL;
