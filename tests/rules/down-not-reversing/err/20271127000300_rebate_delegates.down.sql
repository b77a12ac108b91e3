DROP TABLE IF EXISTS rebates;
DROP ROLE IF EXISTS rebate_temp;
DROP ROLE IF EXISTS rebate_clerk;
DROP ROLE IF EXISTS rebate_lead;
