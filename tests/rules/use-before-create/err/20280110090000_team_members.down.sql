DROP TABLE IF EXISTS public.team_members;
