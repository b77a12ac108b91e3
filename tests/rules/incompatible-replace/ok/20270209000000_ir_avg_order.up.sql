-- after the comment, privileges, owner and options: a column added at the end, the same result
CREATE OR REPLACE VIEW ir_customer_summary AS
SELECT c.id AS customer_id, c.email, 0::numeric AS revenue, 0::numeric AS avg_order_value
FROM ir_customers c;
CREATE OR REPLACE FUNCTION ir_invoice_total(invoice_id bigint) RETURNS integer
LANGUAGE sql AS $$ SELECT 1 $$;
