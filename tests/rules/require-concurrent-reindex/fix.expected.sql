-- sqlgate:no-transaction
REINDEX INDEX CONCURRENTLY orders_customer_idx;
REINDEX (VERBOSE) TABLE CONCURRENTLY public.orders;
REINDEX SCHEMA CONCURRENTLY billing;
reindex database CONCURRENTLY app;
