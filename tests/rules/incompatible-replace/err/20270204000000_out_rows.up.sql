-- The row types the OUT and TABLE parameters define change: a column renamed, a name lost.
CREATE OR REPLACE FUNCTION customer_stats(p_customer bigint, OUT order_count bigint, OUT total_cents bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_orders(p_customer bigint) RETURNS TABLE (id bigint, total_cents bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_pair(INOUT p_customer bigint, OUT bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
-- A procedure's single OUT parameter counts, and so does gaining one.
CREATE OR REPLACE PROCEDURE close_customer(p_customer bigint, OUT was_closed boolean)
  LANGUAGE sql AS $$ SELECT true $$;
CREATE OR REPLACE PROCEDURE open_customer(p_customer bigint, OUT opened boolean)
  LANGUAGE sql AS $$ SELECT true $$;
