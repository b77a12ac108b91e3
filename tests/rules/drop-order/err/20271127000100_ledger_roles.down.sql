DROP TABLE IF EXISTS ledger;
DROP ROLE IF EXISTS ledger_clerk;
DROP ROLE IF EXISTS ledger_viewer;
DROP ROLE IF EXISTS ledger_admin;
DROP ROLE IF EXISTS ledger_reader;
