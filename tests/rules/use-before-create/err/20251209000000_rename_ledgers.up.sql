ALTER SEQUENCE IF EXISTS invoice_seq RENAME TO invoice_id_seq;
ALTER TABLE ledgers RENAME TO ledger_entries;
ALTER TABLE ledger_entries DROP COLUMN note;
