ALTER TABLE ledger ADD COLUMN IF NOT EXISTS memo text;
CREATE INDEX IF NOT EXISTS ledger_booked ON ledger USING btree (booked);
ALTER TABLE ledger ALTER COLUMN amount TYPE integer;
ALTER TABLE ledger ALTER COLUMN amount SET DEFAULT 0;
COMMENT ON TABLE ledger IS 'money in and out';
