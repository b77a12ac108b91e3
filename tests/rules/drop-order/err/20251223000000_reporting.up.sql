CREATE SCHEMA IF NOT EXISTS reporting;
CREATE TABLE IF NOT EXISTS reporting.daily (day date PRIMARY KEY, total bigint NOT NULL);
