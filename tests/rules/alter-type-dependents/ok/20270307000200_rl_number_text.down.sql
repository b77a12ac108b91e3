ALTER TABLE rl_order_log ALTER COLUMN logged_at TYPE timestamp;
ALTER TABLE rl_orders ALTER COLUMN number TYPE varchar(20);
