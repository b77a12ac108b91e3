CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN tags AS text[];
CREATE TABLE IF NOT EXISTS subscribers (id bigint PRIMARY KEY, email email_address NOT NULL, labels tags);
-- A B-tree on a domain over text, and GIN on a domain over an array, have their base type's.
CREATE INDEX IF NOT EXISTS subscribers_email_idx ON subscribers (email);
CREATE INDEX IF NOT EXISTS subscribers_labels_gin ON subscribers USING gin (labels);
