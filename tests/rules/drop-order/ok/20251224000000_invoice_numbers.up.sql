CREATE SEQUENCE IF NOT EXISTS invoice_no_seq;
CREATE TABLE IF NOT EXISTS invoices (
  id bigint PRIMARY KEY,
  number bigint NOT NULL DEFAULT nextval('public.invoice_no_seq'::regclass)
);
