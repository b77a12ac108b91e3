CREATE TABLE IF NOT EXISTS ln_accounts (id bigint PRIMARY KEY, handle text NOT NULL, note text NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS ln_accounts_handle ON ln_accounts (handle);
ALTER TABLE ln_accounts REPLICA IDENTITY USING INDEX ln_accounts_handle;
-- A column outside the key and the replica identity.
ALTER TABLE ln_accounts ALTER COLUMN note DROP NOT NULL;
-- The replica identity moved back to the key first.
ALTER TABLE ln_accounts REPLICA IDENTITY DEFAULT;
ALTER TABLE ln_accounts ALTER COLUMN handle DROP NOT NULL;
-- The key dropped first, in the same statement or before it.
ALTER TABLE ln_accounts DROP CONSTRAINT ln_accounts_pkey, ALTER COLUMN id DROP NOT NULL;
CREATE TABLE IF NOT EXISTS ln_pairs (a int, b int, PRIMARY KEY (a, b));
ALTER TABLE ln_pairs DROP CONSTRAINT ln_pairs_pkey;
ALTER TABLE ln_pairs ALTER COLUMN b DROP NOT NULL;
