CREATE OR REPLACE FUNCTION user_label(p_id bigint) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT email FROM users WHERE id = p_id $$;
CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;
