-- DROP SCHEMA ... CASCADE takes the schema's default privileges and the table with its grants.
DROP SCHEMA IF EXISTS reports CASCADE;
DROP ROLE IF EXISTS report_reader;
