-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS pi_payments_2025_01_merchant_id_idx;
DROP INDEX IF EXISTS pi_payments_merchant_id_idx;
