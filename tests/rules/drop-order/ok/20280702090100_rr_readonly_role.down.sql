REVOKE USAGE ON SCHEMA public FROM rr_app_readonly;
DROP SCHEMA IF EXISTS rr_tenancy CASCADE;
DROP ROLE IF EXISTS rr_app_readonly;
