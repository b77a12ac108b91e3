CREATE OR REPLACE FUNCTION customer_stats(p_customer bigint, OUT order_count bigint, OUT total bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
