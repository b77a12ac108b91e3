CREATE TABLE IF NOT EXISTS ledger_entries (id bigint PRIMARY KEY);
GRANT SELECT ON ledger_entries TO ledger_clerk;
