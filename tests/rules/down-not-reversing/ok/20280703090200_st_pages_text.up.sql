ALTER TABLE st_pages ALTER COLUMN body TYPE text;
ALTER TABLE st_pages ALTER COLUMN notes TYPE varchar(4000);
