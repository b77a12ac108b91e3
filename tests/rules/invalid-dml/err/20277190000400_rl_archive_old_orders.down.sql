DROP TABLE IF EXISTS rl_orders_archive;
