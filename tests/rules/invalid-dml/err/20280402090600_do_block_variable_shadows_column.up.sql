CREATE TABLE IF NOT EXISTS vs_customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS vs_orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES vs_customers (id), status text, total_cents integer NOT NULL DEFAULT 0);
-- move the orders of the QA account to the house account
DO $$
DECLARE
    customer_id bigint;
BEGIN
    SELECT id INTO customer_id FROM vs_customers WHERE email = 'house@example.com';
    -- column reference "customer_id" is ambiguous
    UPDATE vs_orders o
       SET customer_id = customer_id
     WHERE o.customer_id = (SELECT id FROM vs_customers WHERE email = 'qa@example.com');
END
$$;
DO $$
DECLARE
    status text := 'cancelled';
    email text := 'qa@example.com';
BEGIN
    -- the VALUES do not see the table, a qualified name is the column: fine
    INSERT INTO vs_orders (id, status) VALUES (-1, status) ON CONFLICT (id) DO NOTHING;
    UPDATE vs_orders o SET total_cents = 0 WHERE o.status = 'x';
    -- column reference "status" is ambiguous, in a subquery "email" too
    DELETE FROM vs_orders WHERE status = status;
    PERFORM 1 FROM vs_orders WHERE customer_id IN (SELECT id FROM vs_customers c WHERE c.id > 0 AND email = 'x');
END
$$;
DO $$
#variable_conflict use_variable
DECLARE
    status text := 'cancelled';
BEGIN
    DELETE FROM vs_orders WHERE vs_orders.status = status;
END
$$;
