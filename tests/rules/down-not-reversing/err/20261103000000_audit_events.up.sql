CREATE TABLE IF NOT EXISTS audit_events (id bigint PRIMARY KEY, level int NOT NULL);
CREATE OR REPLACE FUNCTION audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER audit_events_stamp BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_stamp();
CREATE TRIGGER audit_events_level AFTER UPDATE OF level ON audit_events
  FOR EACH ROW WHEN (NEW.level > 0) EXECUTE FUNCTION audit_stamp();
