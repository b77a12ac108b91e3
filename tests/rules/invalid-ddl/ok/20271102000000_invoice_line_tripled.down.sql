ALTER TABLE invoice_lines DROP COLUMN IF EXISTS tripled;
