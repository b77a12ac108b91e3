DROP TABLE IF EXISTS public.pgd_plans;
DROP TABLE IF EXISTS public.pgd_accounts;
