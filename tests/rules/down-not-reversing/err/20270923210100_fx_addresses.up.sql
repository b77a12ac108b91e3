DO $$
BEGIN
  IF to_regtype('fx_address') IS NULL THEN
    CREATE TYPE fx_address AS (line1 text, city text, zip text);
  END IF;
  IF to_regtype('fx_contact') IS NULL THEN
    CREATE TYPE fx_contact AS (name text, home fx_address);
  END IF;
END
$$;
CREATE TABLE IF NOT EXISTS fx_invoices (id bigint PRIMARY KEY, ship_to fx_address, past fx_address[]);
