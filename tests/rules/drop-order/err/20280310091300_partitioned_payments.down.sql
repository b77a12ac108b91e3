DROP TABLE IF EXISTS pi_payments;
