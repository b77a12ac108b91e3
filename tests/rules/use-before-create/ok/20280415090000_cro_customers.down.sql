DROP TABLE IF EXISTS cro_legacy;
DROP TABLE IF EXISTS cro_accounts;
DROP TABLE IF EXISTS cro_customers;
