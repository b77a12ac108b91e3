-- The schema the role owns goes first.
DROP SCHEMA IF EXISTS tenant_template;
DROP ROLE IF EXISTS saas_owner;
