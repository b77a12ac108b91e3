CREATE TABLE IF NOT EXISTS cd_invoices (id bigint PRIMARY KEY, number bigint);
