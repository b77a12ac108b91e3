CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email varchar(255), name character varying(100));
ALTER TABLE users ADD COLUMN IF NOT EXISTS phone varchar(32);
ALTER TABLE users ALTER COLUMN name TYPE varchar(200);
