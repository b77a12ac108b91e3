-- reverses a table that another migration owns

DROP TABLE IF EXISTS accounts;
