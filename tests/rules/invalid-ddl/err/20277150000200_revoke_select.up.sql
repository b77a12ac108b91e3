REVOKE SELECT ON dep_reports FROM analyst_lead;
