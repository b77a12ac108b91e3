DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_pub_auditor') THEN
    CREATE ROLE dor_pub_auditor NOLOGIN;
  END IF;
END $$;
GRANT USAGE, CREATE ON SCHEMA public TO dor_pub_auditor;
GRANT SELECT ON dor_pub_legacy TO dor_pub_auditor;
