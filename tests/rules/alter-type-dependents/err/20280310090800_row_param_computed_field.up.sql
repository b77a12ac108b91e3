CREATE TABLE IF NOT EXISTS atrp_users (id bigint PRIMARY KEY, display_name text);
-- a Hasura computed field reads display_name through its row-typed parameter u
CREATE OR REPLACE FUNCTION public.atrp_user_label(u public.atrp_users) RETURNS text
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(u.display_name, 'anonymous');
END;
