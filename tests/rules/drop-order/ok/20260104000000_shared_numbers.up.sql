CREATE SEQUENCE IF NOT EXISTS document_no_seq;
CREATE TABLE IF NOT EXISTS credit_notes (id bigint PRIMARY KEY, number bigint NOT NULL);
