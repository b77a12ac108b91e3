CREATE TABLE IF NOT EXISTS st_pages (id bigint PRIMARY KEY, body varchar(100000) NOT NULL, notes text);
-- what text has anyway
ALTER TABLE st_pages ALTER COLUMN notes SET STORAGE EXTENDED;
