CREATE TABLE IF NOT EXISTS subscribers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS subscribers_email_lower_key ON subscribers (lower(email));
