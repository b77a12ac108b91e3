-- A note on app.accounts, and a table of the same name in public (the default search_path).
ALTER TABLE app.accounts ADD COLUMN IF NOT EXISTS note text;
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY);
