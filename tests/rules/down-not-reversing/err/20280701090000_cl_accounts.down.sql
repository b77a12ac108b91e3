DROP TABLE IF EXISTS cl_accounts;
DROP COLLATION IF EXISTS cl_case_insensitive;
