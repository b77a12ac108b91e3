DROP VIEW IF EXISTS rp_names;
DROP VIEW IF EXISTS rp_directory;
DROP TABLE IF EXISTS rp_customers;
DROP TABLE IF EXISTS rp_legacy_customers;
