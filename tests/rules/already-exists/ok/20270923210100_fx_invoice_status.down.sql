DROP TYPE IF EXISTS fx_invoice_status;
