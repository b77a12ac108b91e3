CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, net bigint, tax bigint GENERATED ALWAYS AS (net / 5) STORED, gross bigint GENERATED ALWAYS AS (net + tax) STORED);
CREATE TABLE IF NOT EXISTS invoice_lines (qty int, price bigint, total bigint GENERATED ALWAYS AS (qty * price) STORED);
ALTER TABLE invoice_lines ADD COLUMN IF NOT EXISTS doubled bigint GENERATED ALWAYS AS (total * 2) STORED;
ALTER TABLE invoice_lines ADD COLUMN IF NOT EXISTS plus_one bigint GENERATED ALWAYS AS (qty + 1) STORED, ADD COLUMN IF NOT EXISTS plus_two bigint GENERATED ALWAYS AS (plus_one + 1) STORED;
