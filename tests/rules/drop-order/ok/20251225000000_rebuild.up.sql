CREATE TABLE IF NOT EXISTS ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
