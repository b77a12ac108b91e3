CREATE TYPE plan AS ENUM ('free', 'pro');
CREATE TABLE account (id bigint PRIMARY KEY, plan plan NOT NULL DEFAULT 'free', plans plan[] DEFAULT '{pro}');
ALTER TYPE plan RENAME VALUE 'pro' TO 'team';
ALTER TABLE account ALTER COLUMN plan SET DEFAULT 'team';
-- the type changes first, whatever the order of the commands
ALTER TABLE account ALTER COLUMN plan SET DEFAULT 'basic', ALTER COLUMN plan TYPE text;
-- a table made before with IF NOT EXISTS: PostgreSQL skips it whole
CREATE TABLE IF NOT EXISTS account (id bigint PRIMARY KEY, plan plan DEFAULT 'gold');
