DROP PROCEDURE IF EXISTS annotate_payment(bigint);
DROP FUNCTION IF EXISTS largest_payment();
DROP FUNCTION IF EXISTS customer_paid(bigint);
DROP TABLE IF EXISTS payments;
