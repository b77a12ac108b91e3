CREATE OR REPLACE FUNCTION customer_stats(p_customer bigint, OUT order_count bigint, OUT total bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_orders(p_customer bigint) RETURNS TABLE (id bigint, total bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_pair(INOUT p_customer bigint, OUT total bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE PROCEDURE close_customer(p_customer bigint, OUT closed boolean)
  LANGUAGE sql AS $$ SELECT true $$;
CREATE OR REPLACE PROCEDURE open_customer(p_customer bigint)
  LANGUAGE sql AS $$ SELECT 1 $$;
