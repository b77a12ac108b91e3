DROP TABLE IF EXISTS cascade_orders;
DROP TABLE IF EXISTS cascade_accounts;
