CREATE OR REPLACE FUNCTION customer_stats(p_customer bigint, OUT order_count bigint, OUT total numeric(10,2))
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::numeric $$;
CREATE OR REPLACE FUNCTION customer_orders(p_customer bigint) RETURNS TABLE (id bigint, total bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_total(p_customer bigint, OUT total bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_ids(p_customer bigint) RETURNS TABLE (id bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_pair(p_customer bigint, OUT bigint, OUT bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
