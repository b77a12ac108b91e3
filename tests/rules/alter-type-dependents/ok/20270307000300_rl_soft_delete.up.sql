-- the rule dropped before the ALTER and made again after it
DROP RULE IF EXISTS rl_orders_soft_delete ON rl_orders;
ALTER TABLE rl_orders ALTER COLUMN deleted_at TYPE timestamptz USING deleted_at AT TIME ZONE 'UTC';
CREATE OR REPLACE RULE rl_orders_soft_delete AS ON DELETE TO rl_orders
    DO INSTEAD UPDATE rl_orders SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
