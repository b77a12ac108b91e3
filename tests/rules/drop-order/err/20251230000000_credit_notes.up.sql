-- invoices (20251225000000) now draw their numbers from a sequence shared with credit notes.
CREATE SEQUENCE IF NOT EXISTS document_no_seq;
ALTER TABLE invoices ALTER COLUMN number SET DEFAULT nextval('document_no_seq');
