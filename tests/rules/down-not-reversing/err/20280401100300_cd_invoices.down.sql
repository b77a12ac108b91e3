DROP TABLE IF EXISTS cd_invoices;
DROP SEQUENCE IF EXISTS cd_invoice_number_seq;
