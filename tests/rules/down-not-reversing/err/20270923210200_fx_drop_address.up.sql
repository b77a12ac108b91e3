-- PostgreSQL: drop cascades to column past of table fx_invoices, column home of composite type
-- fx_contact, column ship_to of table fx_invoices
DROP TYPE IF EXISTS fx_address CASCADE;
