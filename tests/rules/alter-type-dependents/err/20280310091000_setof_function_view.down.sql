DROP VIEW IF EXISTS atsf_big_orders;
DROP FUNCTION IF EXISTS atsf_all_orders();
DROP TABLE IF EXISTS atsf_orders;
