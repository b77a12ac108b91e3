CREATE TABLE IF NOT EXISTS accounts (
  id bigint PRIMARY KEY,
  owner_id bigint CONSTRAINT accounts_owner_fk REFERENCES accounts (id),
  region text
);
CREATE INDEX IF NOT EXISTS accounts_region ON accounts (region);
CREATE INDEX IF NOT EXISTS accounts_positive ON accounts (id DESC) WHERE id > 0;
