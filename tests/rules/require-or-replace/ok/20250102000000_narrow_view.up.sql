-- A view that loses a column is dropped and made again: nothing made after it depends on it.
CREATE OR REPLACE VIEW user_dates AS SELECT id, created_at, updated_at FROM users;
DROP VIEW IF EXISTS user_dates;
CREATE VIEW user_dates AS SELECT id, created_at FROM users;
GRANT SELECT ON user_dates TO PUBLIC;
COMMENT ON VIEW user_dates IS 'When each user was created';

-- What depends on it is dropped first, so the second run can drop it again.
DROP VIEW IF EXISTS recent_user_dates;
DROP VIEW IF EXISTS user_dates_v2;
CREATE VIEW user_dates_v2 AS SELECT id, created_at FROM users;
CREATE VIEW recent_user_dates AS SELECT * FROM user_dates_v2 WHERE created_at > now() - interval '1 day';

-- With CASCADE the second run takes the dependents along and makes them again.
DROP FUNCTION IF EXISTS default_rank() CASCADE;
CREATE FUNCTION default_rank() RETURNS int LANGUAGE sql AS 'SELECT 1';
ALTER TABLE users ADD COLUMN IF NOT EXISTS rank int;
ALTER TABLE users ALTER COLUMN rank SET DEFAULT default_rank();
