CREATE TABLE IF NOT EXISTS members (id bigint, email text NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS members_email_idx ON members (email);
ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE USING INDEX members_email_idx;
