DROP FUNCTION IF EXISTS public.is_team_member(bigint);
