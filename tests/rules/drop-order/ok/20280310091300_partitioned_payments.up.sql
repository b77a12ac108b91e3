CREATE TABLE IF NOT EXISTS pio_payments (
    id bigint NOT NULL,
    merchant_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE IF NOT EXISTS pio_payments_2025_01 PARTITION OF pio_payments
    FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE INDEX IF NOT EXISTS pio_payments_merchant_id_idx ON ONLY pio_payments (merchant_id);
CREATE INDEX IF NOT EXISTS pio_payments_2025_01_merchant_id_idx
    ON pio_payments_2025_01 (merchant_id);
ALTER INDEX pio_payments_merchant_id_idx ATTACH PARTITION pio_payments_2025_01_merchant_id_idx;
