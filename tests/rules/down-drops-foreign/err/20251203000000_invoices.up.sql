CREATE TABLE IF NOT EXISTS invoices (id bigserial PRIMARY KEY);
