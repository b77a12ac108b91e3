-- What the role was given under its old name, revoked under its new one.
REVOKE ALL ON SCHEMA rr_tenancy FROM rr_reporting_ro;
REVOKE ALL ON rr_tenancy.tenants FROM rr_reporting_ro;
REVOKE ALL ON SCHEMA public FROM rr_reporting_ro;
DROP ROLE IF EXISTS rr_reporting_ro;
