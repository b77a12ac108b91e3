DROP VIEW IF EXISTS invoice_totals;
