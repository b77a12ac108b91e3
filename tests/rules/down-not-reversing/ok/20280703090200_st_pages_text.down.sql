ALTER TABLE st_pages ALTER COLUMN body TYPE varchar(100000);
-- ALTER COLUMN ... TYPE gave it varchar's storage: set again
ALTER TABLE st_pages ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE st_pages ALTER COLUMN notes TYPE text;
