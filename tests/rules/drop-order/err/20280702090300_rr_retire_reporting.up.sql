-- Reporting moved to the warehouse.
DROP ROLE IF EXISTS rr_reporting_ro;
