DROP PROCEDURE IF EXISTS open_customer(bigint);
DROP PROCEDURE IF EXISTS close_customer(bigint);
DROP FUNCTION IF EXISTS customer_pair(bigint);
DROP FUNCTION IF EXISTS customer_orders(bigint);
DROP FUNCTION IF EXISTS customer_stats(bigint);
