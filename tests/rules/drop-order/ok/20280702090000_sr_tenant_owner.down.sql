-- The table the role owns goes first.
DROP TABLE IF EXISTS sr_tenant_acme.projects;
REVOKE ALL ON SCHEMA sr_tenant_acme FROM sr_acme_owner;
DROP ROLE IF EXISTS sr_acme_owner;
DROP SCHEMA IF EXISTS sr_tenant_acme CASCADE;
