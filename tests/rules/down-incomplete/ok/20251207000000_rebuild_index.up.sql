-- Rebuilds an index an earlier migration created: the down has nothing to drop.
DROP INDEX IF EXISTS users_email_idx;
CREATE INDEX users_email_idx ON users (lower(email), id);
