-- the views read columns the down adds back only afterwards (verified on PostgreSQL 15: "column
-- "note" does not exist"); the index is on a table the down creates after it
CREATE OR REPLACE VIEW account_notes AS SELECT id, note FROM accounts;
CREATE OR REPLACE VIEW account_regions AS SELECT a.id, a.region FROM accounts a;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS region text;
CREATE INDEX IF NOT EXISTS account_tags_tag ON account_tags (tag);
CREATE TABLE IF NOT EXISTS account_tags (account_id bigint, tag text);
