ALTER TABLE ledger DROP COLUMN IF EXISTS memo;
DROP INDEX IF EXISTS ledger_booked;
ALTER TABLE ledger ALTER COLUMN amount TYPE bigint;
ALTER TABLE ledger ALTER COLUMN amount SET DEFAULT 100;
COMMENT ON TABLE ledger IS 'entries';
-- a default only while the up runs: none before it, none after it
ALTER TABLE ledger ALTER COLUMN booked SET DEFAULT current_date;
ALTER TABLE ledger ALTER COLUMN booked DROP DEFAULT;
