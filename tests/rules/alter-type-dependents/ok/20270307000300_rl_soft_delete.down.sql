DROP RULE IF EXISTS rl_orders_soft_delete ON rl_orders;
ALTER TABLE rl_orders ALTER COLUMN deleted_at TYPE timestamp USING deleted_at AT TIME ZONE 'UTC';
