-- A table attached as a partition takes the columns its parent adds later.
ALTER TABLE bins ATTACH PARTITION bins_two FOR VALUES IN (2);
ALTER TABLE bins ADD COLUMN IF NOT EXISTS aisle text;
CREATE INDEX IF NOT EXISTS bins_two_aisle_idx ON bins_two (aisle);
