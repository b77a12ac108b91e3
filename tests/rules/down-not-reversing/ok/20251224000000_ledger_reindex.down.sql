-- The index as it was: ASC NULLS LAST is what (booked) means.
CREATE INDEX IF NOT EXISTS ledger_booked ON ledger (booked ASC NULLS LAST);
