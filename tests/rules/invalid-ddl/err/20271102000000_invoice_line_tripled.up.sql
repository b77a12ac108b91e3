ALTER TABLE invoice_lines ADD COLUMN IF NOT EXISTS tripled bigint GENERATED ALWAYS AS (3 * invoice_lines.total) STORED;
