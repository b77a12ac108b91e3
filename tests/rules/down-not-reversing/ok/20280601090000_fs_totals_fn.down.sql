DROP FUNCTION IF EXISTS fs_ok.ledger_total();
DROP TABLE IF EXISTS fs_ok.ledger;
DROP SCHEMA IF EXISTS fs_ok;
