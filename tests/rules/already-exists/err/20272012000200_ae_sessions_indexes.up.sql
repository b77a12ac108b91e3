-- sqlgate:no-transaction
-- each name is taken by an index of another definition: PostgreSQL skips them
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_user_id_idx ON ae_sessions (user_id, created_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_user_id_idx ON ae_devices (user_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_token_idx ON ae_sessions (token);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_open_idx ON ae_sessions (created_at) WHERE token IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_open_idx ON ae_sessions (created_at) INCLUDE (user_id) WHERE token IS NOT NULL;
