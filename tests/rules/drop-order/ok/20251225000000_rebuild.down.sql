-- Dropped, made again, then used: the statements after the drop reach the new table.
DROP TABLE IF EXISTS ledger;
CREATE TABLE IF NOT EXISTS ledger_old (id bigint PRIMARY KEY);
ALTER TABLE IF EXISTS ledger_old RENAME TO ledger;
COMMENT ON TABLE ledger IS 'the table as it was';
DROP TABLE IF EXISTS ledger;
