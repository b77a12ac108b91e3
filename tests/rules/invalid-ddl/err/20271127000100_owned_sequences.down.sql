DROP TABLE IF EXISTS ledger_accounts, ledger_books, ledger_notes;
DROP ROLE IF EXISTS ledger_app, ledger_archiver;
DROP SCHEMA IF EXISTS archive;
