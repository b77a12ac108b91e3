-- the column the rule's INSERT writes
ALTER TABLE rl_order_log ALTER COLUMN order_id TYPE bigint;
