ALTER TABLE IF EXISTS mb_core.ledger SET SCHEMA mb_finance;
GRANT SELECT ON ALL TABLES IN SCHEMA mb_finance TO mb_finance_ro;
