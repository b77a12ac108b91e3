CREATE TABLE IF NOT EXISTS customers (id bigserial PRIMARY KEY);
