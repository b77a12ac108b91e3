CREATE TABLE IF NOT EXISTS ln_accounts (id bigint PRIMARY KEY, handle text NOT NULL, note text);
CREATE UNIQUE INDEX IF NOT EXISTS ln_accounts_handle ON ln_accounts (handle);
ALTER TABLE ln_accounts REPLICA IDENTITY USING INDEX ln_accounts_handle;
CREATE TABLE IF NOT EXISTS ln_pairs (a int, b int, PRIMARY KEY (a, b));
ALTER TABLE ln_pairs RENAME COLUMN b TO second;
-- A primary key's column.
ALTER TABLE ln_accounts ALTER COLUMN id DROP NOT NULL;
-- The replica identity index's column.
ALTER TABLE ln_accounts ALTER COLUMN handle DROP NOT NULL;
-- A key column renamed since the key was made.
ALTER TABLE ln_pairs ALTER COLUMN second DROP NOT NULL;
