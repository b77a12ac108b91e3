DROP VIEW fixd_active;
DROP FOREIGN TABLE fixd_remote;
DROP SERVER fixd_server;
DROP FOREIGN DATA WRAPPER fixd_wrapper;
DROP TABLE fixd_products;
