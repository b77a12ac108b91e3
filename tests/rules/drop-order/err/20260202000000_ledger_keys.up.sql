CREATE TABLE IF NOT EXISTS ledger_accounts (id bigint PRIMARY KEY, code text NOT NULL);
CREATE TABLE IF NOT EXISTS ledger_postings (
    id bigint PRIMARY KEY,
    account_id bigint REFERENCES ledger_accounts,
    account_code text
);
CREATE UNIQUE INDEX IF NOT EXISTS ledger_accounts_code_uidx ON ledger_accounts (code);
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_account_code_fk
    FOREIGN KEY (account_code) REFERENCES ledger_accounts (code);
