ALTER TABLE accounts ADD COLUMN IF NOT EXISTS owner_id bigint;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS region text;
CREATE INDEX IF NOT EXISTS accounts_region ON accounts (region);
