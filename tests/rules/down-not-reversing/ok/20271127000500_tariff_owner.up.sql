DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tariff_keeper') THEN
    CREATE ROLE tariff_keeper NOLOGIN;
  END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS tariff_data;
CREATE TABLE IF NOT EXISTS tariff_data.tariff_rates (id bigint PRIMARY KEY, rate numeric);
GRANT USAGE ON SCHEMA tariff_data TO tariff_keeper;
GRANT SELECT ON tariff_data.tariff_rates TO tariff_keeper;
GRANT UPDATE (rate) ON tariff_data.tariff_rates TO tariff_keeper;
