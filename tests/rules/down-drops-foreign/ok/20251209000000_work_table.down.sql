-- a work table of the down's own, made and dropped here
CREATE TABLE order_totals_copy AS SELECT * FROM order_totals;
DROP TABLE order_totals;
DROP TABLE order_totals_copy;
