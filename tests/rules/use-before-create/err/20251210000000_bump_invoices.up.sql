-- Each names what the last migration renamed away or dropped (PostgreSQL 15: relation
-- "invoice_seq" does not exist, column "note" of relation "ledger_entries" does not exist).
SELECT setval('invoice_seq', 5000);
ALTER SEQUENCE invoice_seq RESTART;
ALTER TABLE ledgers ADD COLUMN IF NOT EXISTS posted_at timestamptz;
COMMENT ON COLUMN ledger_entries.note IS 'free text';
