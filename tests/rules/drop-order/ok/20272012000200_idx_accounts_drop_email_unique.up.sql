ALTER TABLE idx_accounts DROP CONSTRAINT IF EXISTS idx_accounts_email_key;
