-- ALTER TABLE reaches a sequence or an index too (pg_dump writes ALTER TABLE seq OWNER TO).
CREATE SEQUENCE IF NOT EXISTS public.cat_accounts_id_seq AS integer START WITH 1;
ALTER TABLE public.cat_accounts_id_seq OWNER TO postgres;
ALTER TABLE IF EXISTS cat_accounts_id_seq RENAME TO cat_accounts_seq;
ALTER SEQUENCE cat_accounts_seq RESTART;
CREATE INDEX IF NOT EXISTS cat_sales_region_idx ON cat_sales (region);
ALTER TABLE IF EXISTS cat_sales_region_idx RENAME TO cat_sales_by_region;
ALTER INDEX cat_sales_by_region SET (fillfactor = 90);
