GRANT UPDATE ON dep_reports TO analyst_lead WITH GRANT OPTION;
