CREATE TABLE IF NOT EXISTS customers (id bigint PRIMARY KEY, email text, score int, code text, nick text, total int);
CREATE DOMAIN percent AS int CHECK (VALUE <= 100);
CREATE DOMAIN required_text AS text NOT NULL;
CREATE DOMAIN email_addr AS text;
CREATE DOMAIN strict_percent AS percent;
CREATE DOMAIN code_100 AS varchar(100);
CREATE DOMAIN big_total AS bigint;
