CREATE UNIQUE INDEX IF NOT EXISTS idx_accounts_handle_idx ON idx_accounts (handle);
ALTER TABLE idx_accounts
  ADD CONSTRAINT idx_accounts_handle_key UNIQUE USING INDEX idx_accounts_handle_idx;
