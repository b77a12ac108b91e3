CREATE SEQUENCE IF NOT EXISTS invoice_seq;
CREATE TABLE IF NOT EXISTS ledgers (id bigint PRIMARY KEY, note text);
