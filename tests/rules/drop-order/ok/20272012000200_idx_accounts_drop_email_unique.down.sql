ALTER TABLE idx_accounts ADD CONSTRAINT idx_accounts_email_key UNIQUE (email);
