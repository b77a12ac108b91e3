-- sqlgate:no-transaction
REINDEX INDEX orders_customer_idx;
REINDEX (VERBOSE) TABLE public.orders;
REINDEX SCHEMA billing;
reindex database app;
