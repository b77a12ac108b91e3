DROP TABLE IF EXISTS cat_sales_all; DROP TABLE IF EXISTS cat_sales_copy; DROP TABLE IF EXISTS cat_rollup; DROP TABLE IF EXISTS cat_sales;
