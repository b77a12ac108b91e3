-- Generated columns computed from ordinary columns only.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, net bigint, tax bigint GENERATED ALWAYS AS (net / 5) STORED, gross bigint GENERATED ALWAYS AS (net + net / 5) STORED);
CREATE TABLE IF NOT EXISTS invoice_lines (qty int, price bigint, total bigint GENERATED ALWAYS AS (qty * price) STORED);
ALTER TABLE invoice_lines ADD COLUMN IF NOT EXISTS doubled bigint GENERATED ALWAYS AS (qty * price * 2) STORED;
