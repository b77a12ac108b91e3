DROP SEQUENCE IF EXISTS document_no_seq;
ALTER TABLE invoices ALTER COLUMN number SET DEFAULT nextval('public.invoice_no_seq'::regclass);
