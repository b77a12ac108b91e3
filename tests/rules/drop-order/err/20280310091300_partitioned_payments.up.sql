CREATE TABLE IF NOT EXISTS pi_payments (
    id bigint NOT NULL,
    merchant_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE IF NOT EXISTS pi_payments_2025_01 PARTITION OF pi_payments
    FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
