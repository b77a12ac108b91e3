CREATE TABLE IF NOT EXISTS ledger (id bigint PRIMARY KEY, amount int DEFAULT 0, memo text, booked date);
CREATE INDEX IF NOT EXISTS ledger_booked ON ledger (booked);
COMMENT ON TABLE ledger IS 'money in and out';
ALTER TABLE ledger OWNER TO app_owner;
