-- The same row types: modifiers are not kept, TABLE is SETOF record with OUT parameters, an
-- unnamed OUT parameter is columnN; a function's single OUT or TABLE parameter is no row type.
CREATE OR REPLACE FUNCTION customer_stats(p_customer bigint, OUT order_count bigint, OUT total numeric(12,2))
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::numeric $$;
CREATE OR REPLACE FUNCTION customer_orders(p_customer bigint, OUT id bigint, OUT total bigint) RETURNS SETOF record
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_total(p_customer bigint, OUT total_cents bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_ids(p_customer bigint) RETURNS TABLE (customer_id bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
CREATE OR REPLACE FUNCTION customer_pair(p_customer bigint, OUT column1 bigint, OUT bigint)
  LANGUAGE sql STABLE AS $$ SELECT 0::bigint, 0::bigint $$;
