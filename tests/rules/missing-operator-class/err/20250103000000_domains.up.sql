CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE IF NOT EXISTS subscribers (id bigint PRIMARY KEY, email email_address NOT NULL);
-- A domain's operator classes are its base type's: text has none for GIN.
CREATE INDEX IF NOT EXISTS subscribers_email_gin ON subscribers USING gin (email);
