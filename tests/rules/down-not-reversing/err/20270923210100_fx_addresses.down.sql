DROP TABLE IF EXISTS fx_invoices;
DROP TYPE IF EXISTS fx_contact;
DROP TYPE IF EXISTS fx_address;
