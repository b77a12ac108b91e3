CREATE TABLE IF NOT EXISTS users (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  name text
);
CREATE TABLE IF NOT EXISTS accounts (id bigserial PRIMARY KEY, label text);
CREATE TABLE IF NOT EXISTS plans (code text PRIMARY KEY);
CREATE TYPE tier AS ENUM ('basic');
