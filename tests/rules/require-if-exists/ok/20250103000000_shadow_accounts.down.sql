-- The unqualified DROP is of public.accounts: app.accounts is still there on a second run.
ALTER TABLE app.accounts DROP COLUMN IF EXISTS note;
DROP TABLE IF EXISTS accounts;
