ALTER TABLE measurement ADD COLUMN unitsales integer;
