DROP TABLE IF EXISTS tm_rates;
DROP FUNCTION IF EXISTS tm_rates_log();
DROP TABLE IF EXISTS tm_rates_audit;
