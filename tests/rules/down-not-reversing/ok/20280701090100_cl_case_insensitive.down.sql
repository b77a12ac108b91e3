-- Each column's type and collation as before the up: TYPE text gives text its default
-- collation, which username had; email and slug had "C".
ALTER TABLE cl_accounts ALTER COLUMN username TYPE text;
ALTER TABLE cl_accounts ALTER COLUMN email TYPE text COLLATE "C";
ALTER TABLE cl_accounts ALTER COLUMN code TYPE varchar(32);
ALTER TABLE cl_accounts ALTER COLUMN slug TYPE text COLLATE pg_catalog."C";
