CREATE TABLE IF NOT EXISTS events (id bigint, at timestamptz NOT NULL, payload jsonb)
    PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS events_2024 PARTITION OF events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE IF NOT EXISTS logs (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS logs_2024 PARTITION OF logs
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE IF NOT EXISTS logs_default PARTITION OF logs DEFAULT;
CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, account_id bigint, total numeric);
CREATE INDEX IF NOT EXISTS orders_account_idx ON orders (account_id);
CREATE MATERIALIZED VIEW IF NOT EXISTS account_totals AS
    SELECT account_id, sum(total) AS total FROM orders GROUP BY account_id
WITH NO DATA;
CREATE UNIQUE INDEX IF NOT EXISTS account_totals_key ON account_totals (account_id);
CREATE MATERIALIZED VIEW IF NOT EXISTS account_counts AS
    SELECT account_id, count(*) AS n FROM orders GROUP BY account_id;
CREATE UNIQUE INDEX IF NOT EXISTS account_counts_key ON account_counts (n, account_id);
