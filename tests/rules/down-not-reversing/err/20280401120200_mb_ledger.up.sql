CREATE SCHEMA IF NOT EXISTS mb_core;
CREATE SCHEMA IF NOT EXISTS mb_finance;
CREATE TABLE IF NOT EXISTS mb_core.ledger (id bigint PRIMARY KEY);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mb_finance_ro') THEN
        CREATE ROLE mb_finance_ro NOLOGIN;
    END IF;
END $$;
