CREATE TABLE IF NOT EXISTS pm_messages (id bigint PRIMARY KEY, body text NOT NULL);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'pm_realtime') THEN
    CREATE PUBLICATION pm_realtime FOR TABLE pm_messages;
  END IF;
END
$$;
CREATE SCHEMA IF NOT EXISTS pm_audit;
CREATE TABLE IF NOT EXISTS pm_audit.entries (id bigint PRIMARY KEY, payload jsonb NOT NULL);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'pm_audit_feed') THEN
    CREATE PUBLICATION pm_audit_feed FOR TABLES IN SCHEMA pm_audit;
  END IF;
END
$$;
