DROP FUNCTION IF EXISTS ir_invoice_total(bigint);
DROP VIEW IF EXISTS ir_customer_summary;
DROP TABLE IF EXISTS ir_customers;
