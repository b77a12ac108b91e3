DROP TABLE archive.items;
DROP SCHEMA archive;
DROP TABLE report_cache;
DROP TABLE reports.daily;
DROP SCHEMA reports;
DROP ROLE app_reporting;
