DROP TABLE IF EXISTS public.ep_more;
DROP TABLE IF EXISTS public.ep_log;
