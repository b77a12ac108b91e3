-- ALTER TABLE ... SET SCHEMA moves the table's indexes and owned sequences with it.
ALTER TABLE ledger.items SET SCHEMA public;
ALTER INDEX IF EXISTS public.items_k RENAME TO items_k_idx;
ALTER INDEX ledger.items_k RENAME TO items_k_old;
ALTER SEQUENCE ledger.items_n_seq RESTART;
