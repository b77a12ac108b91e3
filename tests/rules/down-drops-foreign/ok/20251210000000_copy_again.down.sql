DROP TABLE IF EXISTS order_totals_copy;
