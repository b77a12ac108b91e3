CREATE TABLE IF NOT EXISTS order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL, amount numeric NOT NULL);
-- PostgreSQL analyzes a LANGUAGE sql body in a string when the function is made, but records no
-- dependency of it: DROP TABLE order_lines does not need the function gone first
CREATE OR REPLACE FUNCTION order_total(_order_id bigint) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(amount), 0) FROM order_lines WHERE order_id = _order_id $$;
