REVOKE GRANT OPTION FOR UPDATE ON dep_reports FROM analyst_lead;
