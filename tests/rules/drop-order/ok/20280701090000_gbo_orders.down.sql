DROP VIEW IF EXISTS gbo_by_customer;
DROP VIEW IF EXISTS gbo_counts;
DROP TABLE IF EXISTS gbo_orders;
