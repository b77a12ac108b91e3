DROP INDEX IF EXISTS cat_sales_by_region;
DROP SEQUENCE IF EXISTS cat_accounts_seq;
