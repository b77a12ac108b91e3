DROP TABLE IF EXISTS invoices;
DROP SEQUENCE IF EXISTS invoices_legacy_no_seq;
DROP SEQUENCE IF EXISTS invoices_id_seq;
