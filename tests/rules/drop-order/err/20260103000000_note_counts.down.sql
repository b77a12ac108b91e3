-- A body in SQL is tracked: the table cannot go before the function.
DROP TABLE IF EXISTS note_rows;
DROP FUNCTION IF EXISTS note_total(bigint);
