CREATE TYPE public.app_permission AS ENUM ('messages.read', 'messages.delete');
CREATE TABLE IF NOT EXISTS public.messages (id bigint PRIMARY KEY, team_id bigint NOT NULL, body text NOT NULL);
CREATE OR REPLACE FUNCTION public.authorize(requested_permission public.app_permission) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT requested_permission IS NOT NULL $$;
CREATE OR REPLACE FUNCTION public.has_team_role(team bigint, permission public.app_permission) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT team > 0 AND permission IS NOT NULL $$;
