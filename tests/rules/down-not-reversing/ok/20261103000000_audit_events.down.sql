DROP TABLE IF EXISTS audit_events;
DROP FUNCTION IF EXISTS audit_stamp();
