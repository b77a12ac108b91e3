CREATE TABLE IF NOT EXISTS idx_accounts (
  id bigint PRIMARY KEY,
  email text,
  handle text,
  CONSTRAINT idx_accounts_email_key UNIQUE (email)
);
