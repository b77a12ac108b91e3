DROP TABLE IF EXISTS nv_invoices;
