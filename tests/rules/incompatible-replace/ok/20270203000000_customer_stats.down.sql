DROP FUNCTION IF EXISTS customer_pair(bigint);
DROP FUNCTION IF EXISTS customer_ids(bigint);
DROP FUNCTION IF EXISTS customer_total(bigint);
DROP FUNCTION IF EXISTS customer_orders(bigint);
DROP FUNCTION IF EXISTS customer_stats(bigint);
