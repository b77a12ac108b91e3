-- the pg_default_acl entry IN SCHEMA dp_analytics depends on the schema and goes with it
DROP SCHEMA IF EXISTS dp_analytics CASCADE;
