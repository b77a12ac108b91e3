-- A table swap: the first run renames accounts_new to accounts, so a second run finds the name
-- accounts_new free and makes it again.
CREATE TABLE accounts_new (id bigint PRIMARY KEY, balance numeric(12, 2) NOT NULL);
INSERT INTO accounts_new SELECT id, balance FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
