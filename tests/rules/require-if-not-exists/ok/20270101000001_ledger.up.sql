CREATE TABLE IF NOT EXISTS ledger_entries (id bigint PRIMARY KEY);
ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS memo text;
