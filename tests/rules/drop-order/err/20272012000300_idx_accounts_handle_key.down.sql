-- USING INDEX made it the constraint's index, renamed to the constraint
DROP INDEX IF EXISTS idx_accounts_handle_key CASCADE;
