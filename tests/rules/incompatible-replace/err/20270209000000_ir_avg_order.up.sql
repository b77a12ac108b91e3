-- a comment, privileges, owner and options change neither the view's columns nor the function's
-- result: "cannot change name of view column "revenue" to "avg_order_value"", "cannot change
-- return type of existing function"
CREATE OR REPLACE VIEW ir_customer_summary AS
SELECT c.id AS customer_id, c.email, 0::numeric AS avg_order_value, 0::numeric AS revenue
FROM ir_customers c;
CREATE OR REPLACE FUNCTION ir_invoice_total(invoice_id bigint) RETURNS numeric
LANGUAGE sql AS $$ SELECT 0::numeric $$;
