ALTER TABLE public.items SET SCHEMA finance;
