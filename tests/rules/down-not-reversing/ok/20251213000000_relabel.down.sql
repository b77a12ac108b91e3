CREATE OR REPLACE FUNCTION user_label(p_id bigint) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT email FROM users WHERE id = p_id $$;
