ALTER INDEX IF EXISTS public.items_k_idx RENAME TO items_k;
ALTER TABLE public.items SET SCHEMA ledger;
