DROP TABLE archive.items;
DROP SCHEMA archive;
ALTER SCHEMA archive_2026 RENAME TO archive;
DROP TABLE report_cache;
DROP TABLE reports.daily;
DROP SCHEMA reports;
CREATE ROLE app_reporting;
