DROP TABLE IF EXISTS rc_api_keys;
