DROP INDEX IF EXISTS accounts_positive;
