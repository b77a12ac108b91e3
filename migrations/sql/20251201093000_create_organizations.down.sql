SET lock_timeout = '5s';
DROP INDEX IF EXISTS members_user_id_idx;
DROP TABLE IF EXISTS members;
DROP TABLE IF EXISTS organizations;
