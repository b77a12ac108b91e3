CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, note text, region text);
CREATE OR REPLACE VIEW account_notes AS SELECT id, note FROM accounts;
CREATE OR REPLACE VIEW account_regions AS SELECT a.id, a.region FROM accounts a;
