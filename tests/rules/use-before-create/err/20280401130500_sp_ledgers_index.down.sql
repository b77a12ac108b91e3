-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS sp_billing.sp_ledgers_total_idx;
