DROP FUNCTION IF EXISTS public.atrp_user_label(public.atrp_users);
DROP TABLE IF EXISTS atrp_users;
