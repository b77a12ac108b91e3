CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN positive_count AS integer CHECK (VALUE >= 0);
CREATE TABLE IF NOT EXISTS contacts (id bigint PRIMARY KEY, email text, backup email_address, visits integer);
-- To a domain over the same base type, and from a domain to a type its base converts to.
ALTER TABLE contacts ALTER COLUMN email TYPE email_address;
ALTER TABLE contacts ALTER COLUMN backup TYPE varchar(320);
ALTER TABLE contacts ALTER COLUMN visits TYPE positive_count;
ALTER TABLE contacts ALTER COLUMN visits TYPE bigint;
