CREATE TABLE IF NOT EXISTS rl_orders_archive (LIKE rl_orders INCLUDING DEFAULTS, archived_at timestamptz NOT NULL DEFAULT now());
WITH moved AS (
    DELETE FROM rl_orders
     WHERE deleted_at < now() - interval '1 year'
    RETURNING *
)
INSERT INTO rl_orders_archive (id, number, total_cents, deleted_at)
SELECT id, number, total_cents, deleted_at FROM moved
ON CONFLICT DO NOTHING;
