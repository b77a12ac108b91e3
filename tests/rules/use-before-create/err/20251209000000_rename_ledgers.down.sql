ALTER TABLE ledger_entries ADD COLUMN note text;
ALTER TABLE ledger_entries RENAME TO ledgers;
ALTER SEQUENCE IF EXISTS invoice_id_seq RENAME TO invoice_seq;
