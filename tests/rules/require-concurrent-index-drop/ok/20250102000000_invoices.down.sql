-- The up created this index on invoices, and the table goes next anyway.
DROP INDEX IF EXISTS invoices_customer_idx;
DROP TABLE IF EXISTS invoices;
