-- A column that is no longer generated (DROP EXPRESSION) is an ordinary one.
ALTER TABLE invoice_lines ALTER COLUMN total DROP EXPRESSION IF EXISTS;
ALTER TABLE invoice_lines ADD COLUMN IF NOT EXISTS tripled bigint GENERATED ALWAYS AS (3 * total) STORED;
