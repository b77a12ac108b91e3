-- sqlgate:no-transaction
CREATE INDEX IF NOT EXISTS pi_payments_merchant_id_idx ON ONLY pi_payments (merchant_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pi_payments_2025_01_merchant_id_idx
    ON pi_payments_2025_01 (merchant_id);
ALTER INDEX pi_payments_merchant_id_idx ATTACH PARTITION pi_payments_2025_01_merchant_id_idx;
