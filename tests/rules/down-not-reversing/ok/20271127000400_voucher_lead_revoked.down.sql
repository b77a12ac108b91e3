GRANT SELECT ON vouchers TO voucher_lead WITH GRANT OPTION;
SET ROLE voucher_lead;
GRANT SELECT ON vouchers TO voucher_clerk WITH GRANT OPTION;
SET ROLE voucher_clerk;
GRANT SELECT ON vouchers TO voucher_temp;
RESET ROLE;
