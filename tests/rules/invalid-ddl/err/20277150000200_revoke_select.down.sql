GRANT SELECT ON dep_reports TO analyst_lead WITH GRANT OPTION;
