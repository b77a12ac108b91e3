-- A down drops what its up created: expected there.
DROP TABLE IF EXISTS invoices;
DROP TABLE IF EXISTS invoice_lines CASCADE;
