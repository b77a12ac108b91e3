DROP INDEX IF EXISTS ledger_booked;
