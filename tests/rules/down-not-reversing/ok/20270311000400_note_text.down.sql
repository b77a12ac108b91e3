ALTER TABLE ONLY measurement_note DROP COLUMN body;
