-- The role owns the schema its up made with AUTHORIZATION: drop the schema first.
DROP ROLE IF EXISTS saas_owner;
DROP SCHEMA IF EXISTS tenant_template;
