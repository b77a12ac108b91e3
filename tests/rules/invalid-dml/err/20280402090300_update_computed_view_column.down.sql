DROP VIEW IF EXISTS cv_named;
DROP VIEW IF EXISTS cv_active_customers;
DROP TABLE IF EXISTS cv_customers;
