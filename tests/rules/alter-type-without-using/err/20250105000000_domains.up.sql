CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN positive_count AS integer CHECK (VALUE >= 0);
CREATE DOMAIN small_count AS positive_count CHECK (VALUE < 1000);
CREATE TABLE IF NOT EXISTS contacts (id bigint PRIMARY KEY, email email_address, visits text, score small_count);
-- A domain converts as its base type: text to a domain over integer needs USING.
ALTER TABLE contacts ALTER COLUMN visits TYPE positive_count;
-- From a domain over text to integer, the same.
ALTER TABLE contacts ALTER COLUMN email TYPE integer;
-- Through a domain over a domain over integer: integer to uuid has no cast.
ALTER TABLE contacts ALTER COLUMN score TYPE uuid;
