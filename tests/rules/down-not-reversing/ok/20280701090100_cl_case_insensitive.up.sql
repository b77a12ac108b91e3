ALTER TABLE cl_accounts ALTER COLUMN username TYPE text COLLATE cl_case_insensitive;
ALTER TABLE cl_accounts ALTER COLUMN email TYPE text COLLATE cl_case_insensitive;
ALTER TABLE cl_accounts ALTER COLUMN code TYPE text COLLATE "C";
ALTER TABLE cl_accounts ALTER COLUMN slug TYPE varchar(64);
-- nick: its own collation written, then "C" and back: the up leaves it as it was
-- (pg_attribute.attcollation "default" again).
ALTER TABLE cl_accounts ALTER COLUMN nick TYPE text COLLATE "default";
ALTER TABLE cl_accounts ALTER COLUMN nick TYPE text COLLATE "C";
ALTER TABLE cl_accounts ALTER COLUMN nick TYPE text;
