-- A body in a string is only text: nothing depends on the table.
DROP TABLE IF EXISTS memo_rows;
DROP FUNCTION IF EXISTS memo_total(bigint);
