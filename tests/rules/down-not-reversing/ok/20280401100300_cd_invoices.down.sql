DROP TABLE IF EXISTS cd_invoices;
