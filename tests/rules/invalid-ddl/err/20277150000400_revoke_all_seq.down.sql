GRANT USAGE ON SEQUENCE dep_report_seq TO analyst_lead WITH GRANT OPTION;
