-- 20260105000000 set the default that uses the sequence; its down has dropped it by now.
DROP SEQUENCE IF EXISTS document_no_seq;
DROP TABLE IF EXISTS credit_notes;
