ALTER TABLE credit_notes ALTER COLUMN number SET DEFAULT nextval('document_no_seq');
