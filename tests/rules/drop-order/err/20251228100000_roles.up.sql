DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'campaign_reader') THEN
    CREATE ROLE campaign_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'campaign_viewer') THEN
    CREATE ROLE campaign_viewer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'campaign_owner') THEN
    CREATE ROLE campaign_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'campaign_auditor') THEN
    CREATE ROLE campaign_auditor NOLOGIN;
  END IF;
END $$;
GRANT SELECT ON campaigns TO campaign_reader;
CREATE TABLE IF NOT EXISTS campaign_notes (id bigint PRIMARY KEY, body text);
DROP POLICY IF EXISTS campaign_notes_view ON campaign_notes;
CREATE POLICY campaign_notes_view ON campaign_notes FOR SELECT TO campaign_viewer USING (true);
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO campaign_viewer;
ALTER TABLE campaigns OWNER TO campaign_owner;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT ON TABLES TO campaign_auditor;
