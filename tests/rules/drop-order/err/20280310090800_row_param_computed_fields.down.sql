DROP FUNCTION IF EXISTS rp_user_nick(rp_users);
DROP FUNCTION IF EXISTS public.rp_user_label(public.rp_users);
DROP TABLE IF EXISTS rp_users;
