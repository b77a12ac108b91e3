CREATE TABLE IF NOT EXISTS rp_users (
    id bigint PRIMARY KEY,
    display_name text,
    settings jsonb NOT NULL DEFAULT '{}'
);
-- Hasura computed fields: the columns are read through the row-typed parameter u
CREATE OR REPLACE FUNCTION public.rp_user_label(u public.rp_users) RETURNS text LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(u.display_name, 'anonymous');
END;
CREATE OR REPLACE FUNCTION rp_user_nick(u rp_users) RETURNS text LANGUAGE sql STABLE
RETURN (u).settings ->> 'nick';
