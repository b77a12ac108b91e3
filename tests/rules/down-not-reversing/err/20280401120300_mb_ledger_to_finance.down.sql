ALTER TABLE IF EXISTS mb_finance.ledger SET SCHEMA mb_core;
REVOKE SELECT ON ALL TABLES IN SCHEMA mb_finance FROM mb_finance_ro;
