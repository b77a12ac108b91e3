DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voucher_lead') THEN
    CREATE ROLE voucher_lead NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voucher_clerk') THEN
    CREATE ROLE voucher_clerk NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voucher_temp') THEN
    CREATE ROLE voucher_temp NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS vouchers (id bigint PRIMARY KEY);
GRANT SELECT, UPDATE ON vouchers TO voucher_lead WITH GRANT OPTION;
-- voucher_lead hands SELECT on, with the option; voucher_clerk hands it on again
SET ROLE voucher_lead;
GRANT SELECT ON vouchers TO voucher_clerk WITH GRANT OPTION;
SET ROLE voucher_clerk;
GRANT SELECT ON vouchers TO voucher_temp;
RESET ROLE;
