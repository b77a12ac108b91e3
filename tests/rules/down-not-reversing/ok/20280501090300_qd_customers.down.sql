DROP TABLE IF EXISTS public.qd_customers;
