DROP TABLE IF EXISTS exchange_rates;
DROP TABLE IF EXISTS countries;
