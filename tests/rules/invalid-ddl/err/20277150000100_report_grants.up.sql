CREATE TABLE IF NOT EXISTS dep_reports (id bigint PRIMARY KEY);
CREATE SEQUENCE IF NOT EXISTS dep_report_seq;
GRANT SELECT, UPDATE ON dep_reports TO analyst_lead WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE dep_report_seq TO analyst_lead WITH GRANT OPTION;
SET ROLE analyst_lead;
GRANT SELECT ON dep_reports TO analyst;
GRANT UPDATE ON dep_reports TO analyst;
GRANT USAGE ON SEQUENCE dep_report_seq TO analyst;
RESET ROLE;
