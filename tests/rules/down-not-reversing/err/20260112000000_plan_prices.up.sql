CREATE TABLE IF NOT EXISTS plan_prices (plan text PRIMARY KEY, price numeric NOT NULL);
CREATE SEQUENCE IF NOT EXISTS plan_numbers;
GRANT SELECT ON plan_prices TO plan_reader;
