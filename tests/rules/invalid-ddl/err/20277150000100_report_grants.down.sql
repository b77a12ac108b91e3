DROP SEQUENCE IF EXISTS dep_report_seq;
DROP TABLE IF EXISTS dep_reports;
