DROP TABLE IF EXISTS order_lines;
DROP FUNCTION IF EXISTS order_total(bigint);
