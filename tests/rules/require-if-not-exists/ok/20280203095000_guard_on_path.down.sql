DROP TABLE IF EXISTS public.gp_accounts;
DROP SCHEMA IF EXISTS gp_app;
