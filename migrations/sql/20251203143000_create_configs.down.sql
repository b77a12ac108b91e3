SET lock_timeout = '5s';
DROP TRIGGER IF EXISTS configs_set_updated_at ON configs;
DROP TABLE IF EXISTS configs;
