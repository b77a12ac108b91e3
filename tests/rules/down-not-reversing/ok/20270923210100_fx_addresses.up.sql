CREATE TYPE fx_address AS (line1 text, city text, zip text);
CREATE TYPE fx_contact AS (name text, home fx_address);
CREATE TABLE IF NOT EXISTS fx_invoices (id bigint PRIMARY KEY, ship_to fx_address);
