-- sqlgate:no-transaction
-- the same definitions written again (another spacing, parentheses): nothing is lost
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_user_id_idx ON ae_sessions(user_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_token_idx ON ae_sessions USING hash (token);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_open_idx ON ae_sessions (created_at) WHERE (token IS NOT NULL);
-- a new definition under a name of its own
CREATE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_user_created_idx ON ae_sessions (user_id, created_at DESC);
-- or the old one dropped first
DROP INDEX CONCURRENTLY IF EXISTS ae_sessions_token_idx;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ae_sessions_token_idx ON ae_sessions (token);
