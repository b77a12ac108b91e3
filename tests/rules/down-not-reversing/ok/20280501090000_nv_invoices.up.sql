CREATE TABLE IF NOT EXISTS nv_invoices (id bigint PRIMARY KEY, currency text);
