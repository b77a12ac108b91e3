CREATE TABLE IF NOT EXISTS accounts (
  id bigint PRIMARY KEY,
  tenant int NOT NULL,
  handle text NOT NULL,
  email text,
  seq int,
  UNIQUE (tenant, handle),
  CONSTRAINT accounts_seq_key UNIQUE (seq) DEFERRABLE
);
CREATE UNIQUE INDEX IF NOT EXISTS accounts_live_email ON accounts (email) WHERE tenant > 0;
CREATE UNIQUE INDEX IF NOT EXISTS accounts_lower_handle ON accounts (lower(handle));
CREATE TABLE IF NOT EXISTS audit_rows (id bigint, note text);
