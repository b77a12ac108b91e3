CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, balance numeric NOT NULL);
