-- The definition 20251213000000 left, written again (a migration that re-declares its functions).
CREATE OR REPLACE FUNCTION user_label(p_id bigint)
  RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(name, email) FROM users WHERE id = p_id $$;
