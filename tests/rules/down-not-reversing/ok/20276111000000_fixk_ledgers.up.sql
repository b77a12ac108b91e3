DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fixk_admin') THEN
    CREATE ROLE fixk_admin NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fixk_reader') THEN
    CREATE ROLE fixk_reader NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS fixk_ledger (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS fixk_journal (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS fixk_audit (id bigint PRIMARY KEY);
