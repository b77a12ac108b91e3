-- Without ONLY: the children's inherited column goes too.
ALTER TABLE measurement DROP COLUMN unitsales;
