-- Usage of schema public, which no migration makes, and reading a table made before the
-- migrations; each down takes them back before DROP ROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_pub_reader') THEN
    CREATE ROLE dor_pub_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_pub_writer') THEN
    CREATE ROLE dor_pub_writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_pub_auditor') THEN
    CREATE ROLE dor_pub_auditor NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO dor_pub_reader, dor_pub_writer;
GRANT USAGE, CREATE ON SCHEMA public TO dor_pub_auditor;
GRANT SELECT ON dor_pub_legacy TO dor_pub_auditor;
