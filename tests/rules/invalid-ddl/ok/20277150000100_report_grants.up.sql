CREATE TABLE IF NOT EXISTS dep_reports (id bigint PRIMARY KEY);
GRANT SELECT, UPDATE, DELETE ON dep_reports TO analyst_lead WITH GRANT OPTION;
SET ROLE analyst_lead;
GRANT SELECT, UPDATE, DELETE ON dep_reports TO analyst;
RESET ROLE;
-- a privilege it did not pass on
REVOKE INSERT ON dep_reports FROM analyst_lead;
-- with CASCADE: what analyst_lead granted goes too
REVOKE SELECT ON dep_reports FROM analyst_lead CASCADE;
-- what it passed on taken back first, as analyst_lead
SET ROLE analyst_lead;
REVOKE UPDATE ON dep_reports FROM analyst;
RESET ROLE;
REVOKE UPDATE ON dep_reports FROM analyst_lead;
-- the grant option held from another grantor too: analyst_lead keeps it
GRANT DELETE ON dep_reports TO auditor WITH GRANT OPTION;
SET ROLE auditor;
GRANT DELETE ON dep_reports TO analyst_lead WITH GRANT OPTION;
RESET ROLE;
REVOKE DELETE ON dep_reports FROM analyst_lead;
