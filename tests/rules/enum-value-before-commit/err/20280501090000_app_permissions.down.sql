DROP FUNCTION IF EXISTS public.has_team_role(bigint, public.app_permission);
DROP FUNCTION IF EXISTS public.authorize(public.app_permission);
DROP TABLE IF EXISTS public.messages;
DROP TYPE IF EXISTS public.app_permission;
