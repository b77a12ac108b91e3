-- Roles, and what each is given on ledger: privileges, ownership, a place in a policy.
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
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_clerk') THEN
    CREATE ROLE ledger_clerk NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
GRANT SELECT ON ledger TO ledger_reader;
ALTER TABLE ledger OWNER TO ledger_admin;
ALTER TABLE ledger ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ledger_view ON ledger;
CREATE POLICY ledger_view ON ledger FOR SELECT TO ledger_viewer USING (true);
GRANT SELECT ON ledger TO ledger_clerk;
