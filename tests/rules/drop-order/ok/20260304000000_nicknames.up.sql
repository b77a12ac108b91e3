CREATE COLLATION IF NOT EXISTS nickname_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE IF NOT EXISTS nicknames (id bigint PRIMARY KEY, nick text COLLATE nickname_ci, code text COLLATE "C");
