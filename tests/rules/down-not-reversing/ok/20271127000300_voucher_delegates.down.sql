DROP TABLE IF EXISTS vouchers;
DROP ROLE IF EXISTS voucher_temp;
DROP ROLE IF EXISTS voucher_clerk;
DROP ROLE IF EXISTS voucher_lead;
