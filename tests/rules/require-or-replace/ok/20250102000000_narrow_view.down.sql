-- The down makes the wider view again the same way.
DROP VIEW IF EXISTS recent_user_dates;
DROP VIEW IF EXISTS user_dates_v2;
ALTER TABLE users DROP COLUMN IF EXISTS rank;
DROP FUNCTION IF EXISTS default_rank();
DROP VIEW IF EXISTS user_dates;
CREATE VIEW user_dates AS SELECT id, created_at, updated_at FROM users;
