ALTER TABLE cl_accounts ALTER COLUMN username TYPE text COLLATE cl_case_insensitive;
ALTER TABLE cl_accounts ALTER COLUMN handle TYPE text COLLATE cl_case_insensitive;
ALTER TABLE cl_accounts ALTER COLUMN email TYPE text COLLATE cl_case_insensitive;
ALTER TABLE cl_accounts ALTER COLUMN code TYPE text COLLATE "C";
ALTER TABLE cl_accounts ALTER COLUMN slug TYPE varchar(64);
