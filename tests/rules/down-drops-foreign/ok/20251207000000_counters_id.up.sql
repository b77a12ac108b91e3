-- the sequence is owned by the column: it goes with it
ALTER TABLE counters DROP COLUMN id;
