DROP VIEW IF EXISTS order_totals;
