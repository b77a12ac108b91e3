CREATE SCHEMA IF NOT EXISTS cold_store;
ALTER MATERIALIZED VIEW IF EXISTS public.monthly_totals SET SCHEMA cold_store;
ALTER TABLE public.monthly_notes SET SCHEMA cold_store;
ALTER FUNCTION public.monthly_total() SET SCHEMA cold_store;
