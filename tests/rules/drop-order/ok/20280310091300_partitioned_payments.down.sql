-- one statement drops the partitioned index and the attached one together
DROP INDEX IF EXISTS pio_payments_2025_01_merchant_id_idx, pio_payments_merchant_id_idx;
DROP TABLE IF EXISTS pio_payments;
