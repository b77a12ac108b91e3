DROP FUNCTION IF EXISTS payment_notes();
DROP FUNCTION IF EXISTS customer_paid(bigint);
DROP TABLE IF EXISTS payments;
