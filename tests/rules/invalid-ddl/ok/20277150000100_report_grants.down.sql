DROP TABLE IF EXISTS dep_reports;
