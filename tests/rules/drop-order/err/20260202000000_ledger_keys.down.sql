-- The foreign keys still use the unique index and the primary key's index.
DROP INDEX IF EXISTS ledger_accounts_code_uidx;
ALTER TABLE ledger_accounts DROP CONSTRAINT IF EXISTS ledger_accounts_pkey;
ALTER TABLE ledger_postings DROP CONSTRAINT IF EXISTS ledger_postings_account_code_fk;
DROP TABLE IF EXISTS ledger_postings;
DROP TABLE IF EXISTS ledger_accounts;
