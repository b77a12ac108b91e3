CREATE TABLE IF NOT EXISTS cro_customers (id bigint PRIMARY KEY, full_name text, code text, note text);
CREATE TABLE IF NOT EXISTS cro_accounts (id bigint PRIMARY KEY, code text, full_name text);
CREATE TABLE IF NOT EXISTS cro_legacy (id bigint PRIMARY KEY, code text);
