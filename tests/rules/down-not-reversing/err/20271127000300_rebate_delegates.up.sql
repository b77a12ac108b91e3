DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rebate_lead') THEN
    CREATE ROLE rebate_lead NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rebate_clerk') THEN
    CREATE ROLE rebate_clerk NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rebate_temp') THEN
    CREATE ROLE rebate_temp NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS rebates (id bigint PRIMARY KEY);
GRANT SELECT, UPDATE ON rebates TO rebate_lead WITH GRANT OPTION;
-- rebate_lead hands SELECT on, with the option; rebate_clerk hands it on again
SET ROLE rebate_lead;
GRANT SELECT ON rebates TO rebate_clerk WITH GRANT OPTION;
SET ROLE rebate_clerk;
GRANT SELECT ON rebates TO rebate_temp;
RESET ROLE;
