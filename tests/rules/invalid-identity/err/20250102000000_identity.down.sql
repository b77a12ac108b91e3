DROP TABLE IF EXISTS ticket_notes;
ALTER TABLE tickets DROP COLUMN IF EXISTS external_id;
