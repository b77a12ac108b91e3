DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_reader') THEN
    CREATE ROLE ledger_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_admin') THEN
    CREATE ROLE ledger_admin NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_viewer') THEN
    CREATE ROLE ledger_viewer NOLOGIN;
  END IF;
END $$;
GRANT SELECT ON ledger TO ledger_reader;
ALTER TABLE ledger OWNER TO ledger_admin;
ALTER POLICY ledger_view ON ledger TO ledger_viewer;
