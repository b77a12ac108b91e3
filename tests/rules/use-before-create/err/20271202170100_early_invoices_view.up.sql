-- billing_mirror.invoices comes from the IMPORT FOREIGN SCHEMA ... LIMIT TO of the next migration.
CREATE OR REPLACE VIEW invoice_totals AS SELECT id, total FROM billing_mirror.invoices;
