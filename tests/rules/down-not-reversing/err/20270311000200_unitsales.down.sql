ALTER TABLE ONLY measurement DROP COLUMN unitsales;
