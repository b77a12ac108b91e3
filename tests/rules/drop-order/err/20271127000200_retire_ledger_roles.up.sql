-- Earlier migrations gave these roles privileges, a table and a policy: each DROP ROLE fails.
DROP ROLE IF EXISTS ledger_reader;
DROP ROLE IF EXISTS ledger_admin;
DROP ROLE IF EXISTS ledger_viewer;
