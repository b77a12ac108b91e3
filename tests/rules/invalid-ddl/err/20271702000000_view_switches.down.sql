DROP FOREIGN TABLE fixd_remote;
DROP SERVER fixd_server;
DROP FOREIGN DATA WRAPPER fixd_wrapper;
DROP SEQUENCE fixd_seq;
DROP MATERIALIZED VIEW fixd_counts;
DROP VIEW fixd_active;
DROP FUNCTION fixd_insert();
DROP TABLE fixd_products;
