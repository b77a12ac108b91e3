CREATE TABLE IF NOT EXISTS people (id bigint PRIMARY KEY, mail text);
CREATE TABLE IF NOT EXISTS teams (id bigint PRIMARY KEY, title text);
CREATE TABLE IF NOT EXISTS groups (id bigint PRIMARY KEY, caption text);
