DROP TABLE fixd_lines;
DROP TABLE fixd_orders;
