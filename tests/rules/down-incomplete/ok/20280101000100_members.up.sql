CREATE TABLE IF NOT EXISTS members (id bigint, email text);
