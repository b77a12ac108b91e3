CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY,
  email text CHECK (char_length(email) <= 255), name varchar, nick character varying);
SELECT 'x'::varchar(10);
