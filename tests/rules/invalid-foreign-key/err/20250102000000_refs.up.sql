-- Unique only through a partial index.
CREATE TABLE IF NOT EXISTS invites (id bigint PRIMARY KEY, email text REFERENCES accounts (email));
-- A DEFERRABLE key.
CREATE TABLE IF NOT EXISTS slots (id bigint PRIMARY KEY, seq int REFERENCES accounts (seq));
-- No primary key to stand for the missing column list.
CREATE TABLE IF NOT EXISTS audit_notes (id bigint PRIMARY KEY, row_id bigint REFERENCES audit_rows);
-- Part of a two-column key only.
CREATE TABLE IF NOT EXISTS members (
  id bigint PRIMARY KEY,
  tenant int,
  FOREIGN KEY (tenant) REFERENCES accounts (tenant)
);
-- Counts that differ, and a column named twice.
ALTER TABLE members ADD CONSTRAINT members_pair_fk FOREIGN KEY (tenant) REFERENCES accounts (tenant, handle);
ALTER TABLE members ADD CONSTRAINT members_twice_fk FOREIGN KEY (id, tenant) REFERENCES accounts (tenant, tenant);
-- Types with no equality between them.
ALTER TABLE members ADD COLUMN IF NOT EXISTS account_id uuid REFERENCES accounts (id);
CREATE TABLE IF NOT EXISTS tokens (id bigint PRIMARY KEY, account text REFERENCES accounts);
-- ALTER CONSTRAINT changes only foreign keys.
ALTER TABLE accounts ALTER CONSTRAINT accounts_seq_key NOT DEFERRABLE;
