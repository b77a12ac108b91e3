ALTER TABLE rl_order_log ALTER COLUMN order_id TYPE integer;
