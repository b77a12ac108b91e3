ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_code_key;
