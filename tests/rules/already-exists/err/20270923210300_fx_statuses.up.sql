ALTER TYPE fx_invoice_status RENAME VALUE 'paid' TO 'settled';
-- 'void' came from the ADD VALUE IF NOT EXISTS, 'paid' is free again after the rename
ALTER TYPE fx_invoice_status ADD VALUE 'void';
ALTER TYPE fx_invoice_status ADD VALUE 'paid';
ALTER TYPE fx_invoice_status RENAME VALUE 'draft' TO 'settled';
