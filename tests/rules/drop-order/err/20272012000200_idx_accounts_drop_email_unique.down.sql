CREATE UNIQUE INDEX IF NOT EXISTS idx_accounts_email_key ON idx_accounts (email);
