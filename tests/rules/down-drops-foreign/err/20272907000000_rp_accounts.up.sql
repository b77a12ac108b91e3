CREATE TABLE IF NOT EXISTS rp_accounts (id bigint PRIMARY KEY) WITH (fillfactor = 80);
CREATE TABLE IF NOT EXISTS rp_ledger (id bigint PRIMARY KEY);
