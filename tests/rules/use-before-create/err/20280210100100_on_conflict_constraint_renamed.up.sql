CREATE TABLE IF NOT EXISTS ocn_rates (
    code text CONSTRAINT ocn_rates_code_key UNIQUE,
    rate numeric NOT NULL
);
ALTER TABLE ocn_rates RENAME CONSTRAINT ocn_rates_code_key TO ocn_rates_code_uq;
INSERT INTO ocn_rates (code, rate) VALUES ('USD', 1)
ON CONFLICT ON CONSTRAINT ocn_rates_code_key DO NOTHING;
