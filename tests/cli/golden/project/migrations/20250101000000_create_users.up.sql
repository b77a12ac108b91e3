-- Users: the first table.
CREATE TABLE IF NOT EXISTS users (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
COMMENT ON TABLE users IS 'café ✓'; -- sqlgate:ignore no-such-rule
