CREATE COLLATION IF NOT EXISTS handle_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE IF NOT EXISTS member_handles (id bigint PRIMARY KEY, handle text COLLATE handle_ci);
