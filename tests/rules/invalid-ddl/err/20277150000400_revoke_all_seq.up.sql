REVOKE ALL ON SEQUENCE dep_report_seq FROM analyst_lead;
