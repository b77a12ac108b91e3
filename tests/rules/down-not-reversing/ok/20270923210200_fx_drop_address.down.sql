CREATE TYPE fx_address AS (line1 text, city text, zip text);
ALTER TABLE fx_invoices ADD COLUMN IF NOT EXISTS ship_to fx_address;
ALTER TYPE fx_contact ADD ATTRIBUTE home fx_address;
