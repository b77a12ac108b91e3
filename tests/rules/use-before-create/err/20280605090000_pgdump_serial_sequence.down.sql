DROP TABLE IF EXISTS public.pgd_customers;
