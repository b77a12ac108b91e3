DROP FUNCTION IF EXISTS ledger.entry_count();
DROP VIEW IF EXISTS ledger.totals;
DROP SEQUENCE IF EXISTS ledger.entry_numbers;
DROP TABLE IF EXISTS ledger.entries;
DROP SCHEMA IF EXISTS ledger;
