CREATE TABLE IF NOT EXISTS countries (code text PRIMARY KEY, name text NOT NULL);
-- 'DE' twice: the third row meets the row the first one wrote
INSERT INTO countries (code, name) VALUES
    ('DE', 'Germany'),
    ('FR', 'France'),
    ('DE', 'Deutschland')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name;
CREATE TABLE IF NOT EXISTS exchange_rates (
    currency text NOT NULL,
    day date NOT NULL,
    rate numeric NOT NULL,
    CONSTRAINT exchange_rates_currency_day_key UNIQUE (currency, day)
);
INSERT INTO exchange_rates (currency, day, rate) VALUES
    ('EUR', '2025-01-01', 1.04),
    ('USD', '2025-01-01', 1),
    ('EUR', '2025-01-01', 1.05)
ON CONFLICT ON CONSTRAINT exchange_rates_currency_day_key DO UPDATE SET rate = EXCLUDED.rate;
