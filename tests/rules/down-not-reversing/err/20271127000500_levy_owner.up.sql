DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'levy_keeper') THEN
    CREATE ROLE levy_keeper NOLOGIN;
  END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS levy_data;
CREATE TABLE IF NOT EXISTS levy_data.levy_rates (id bigint PRIMARY KEY, rate numeric);
GRANT USAGE ON SCHEMA levy_data TO levy_keeper;
GRANT SELECT ON levy_data.levy_rates TO levy_keeper;
GRANT UPDATE (rate) ON levy_data.levy_rates TO levy_keeper;
