CREATE TABLE IF NOT EXISTS ocn_currencies (
    code text PRIMARY KEY,
    name text NOT NULL
);
-- the name a UNIQUE (code) would have had: the key is ocn_currencies_pkey
INSERT INTO ocn_currencies (code, name) VALUES ('USD', 'US Dollar')
ON CONFLICT ON CONSTRAINT ocn_currencies_code_key DO UPDATE SET name = EXCLUDED.name;
