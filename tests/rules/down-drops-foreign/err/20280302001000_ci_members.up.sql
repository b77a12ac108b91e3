CREATE TABLE IF NOT EXISTS ci_members (id bigint PRIMARY KEY, username text NOT NULL);
