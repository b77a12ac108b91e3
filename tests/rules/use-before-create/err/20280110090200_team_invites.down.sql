DROP FUNCTION IF EXISTS public.team_owners(bigint);
DROP TABLE IF EXISTS public.team_invites;
DROP FUNCTION IF EXISTS public.open_invites();
