CREATE TABLE IF NOT EXISTS ng_events (id bigint PRIMARY KEY, kind text);
-- kind was never generated nor an identity column: the first run fails (invalid-ddl,
-- invalid-identity), no rerun to speak of.
ALTER TABLE ng_events ALTER COLUMN kind DROP EXPRESSION;
ALTER TABLE ng_events ALTER COLUMN kind DROP IDENTITY;
