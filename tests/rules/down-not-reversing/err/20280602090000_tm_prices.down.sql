DROP TABLE IF EXISTS tm_prices;
DROP FUNCTION IF EXISTS tm_prices_log();
DROP TABLE IF EXISTS tm_prices_audit;
