UPDATE cr_customers SET search_name = lower(full_name) WHERE search_name IS NULL;
DELETE FROM cr_customers WHERE legacy_code = 'x';
INSERT INTO cr_orders (id, customer_id, customer_name)
SELECT id, id, full_name FROM cr_customers
ON CONFLICT (id) DO NOTHING;
UPDATE cr_orders o SET customer_name = c.full_name FROM cr_customers c WHERE c.id = o.customer_id;
DO $$
BEGIN
  UPDATE cr_customers SET search_name = legacy_code;
END
$$;
