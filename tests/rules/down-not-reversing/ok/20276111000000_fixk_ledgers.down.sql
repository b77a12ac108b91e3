DROP TABLE IF EXISTS fixk_ledger;
DROP TABLE IF EXISTS fixk_journal;
DROP TABLE IF EXISTS fixk_audit;
DROP ROLE IF EXISTS fixk_reader;
DROP ROLE IF EXISTS fixk_admin;
