CREATE TABLE IF NOT EXISTS customers (id bigint PRIMARY KEY, email text, score int, code varchar(10), nick text);
CREATE DOMAIN email_addr AS text;
CREATE DOMAIN any_text AS email_addr;
CREATE DOMAIN short_text AS varchar;
CREATE DOMAIN percent AS int CHECK (VALUE <= 100);
CREATE DOMAIN loose_percent AS int CHECK (VALUE <= 100);
ALTER DOMAIN loose_percent DROP CONSTRAINT loose_percent_check;
CREATE DOMAIN maybe_text AS text NOT NULL;
ALTER DOMAIN maybe_text DROP NOT NULL;
