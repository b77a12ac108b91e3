DROP TABLE IF EXISTS nodes, audit_notes, sessions;
DROP INDEX IF EXISTS audit_rows_id;
ALTER TABLE audit_rows DROP CONSTRAINT IF EXISTS audit_rows_note_key;
