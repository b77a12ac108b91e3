DROP SCHEMA IF EXISTS reporting;
DROP TABLE IF EXISTS reporting.daily;
