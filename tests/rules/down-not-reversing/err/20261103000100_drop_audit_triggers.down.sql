-- AFTER where it was BEFORE; any UPDATE, without the WHEN
CREATE OR REPLACE TRIGGER audit_events_stamp AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_stamp();
CREATE OR REPLACE TRIGGER audit_events_level AFTER UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_stamp();
