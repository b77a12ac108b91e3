-- the rule on rl_customers goes with its table, though it reads and writes it
DROP TABLE IF EXISTS rl_orders;
DROP TABLE IF EXISTS rl_customers;
