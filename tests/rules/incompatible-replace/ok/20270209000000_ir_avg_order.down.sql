DROP VIEW IF EXISTS ir_customer_summary;
CREATE VIEW ir_customer_summary AS
SELECT c.id AS customer_id, c.email, 0::numeric AS revenue FROM ir_customers c;
CREATE OR REPLACE FUNCTION ir_invoice_total(invoice_id bigint) RETURNS integer
LANGUAGE sql AS $$ SELECT 0 $$;
