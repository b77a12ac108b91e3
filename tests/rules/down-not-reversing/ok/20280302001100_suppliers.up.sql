CREATE TABLE IF NOT EXISTS suppliers (id bigint PRIMARY KEY, code text);
